func.func @main(%x: tensor<?x?x6xf32>, %w_ih: tensor<2x20x6xf32>,
    %w_hh: tensor<2x20x5xf32>)
    -> (tensor<?x?x10xf32>, tensor<2x?x5xf32>, tensor<2x?x5xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh hidden_size(5) direction
      bidirectional
      : (tensor<?x?x6xf32>, tensor<2x20x6xf32>, tensor<2x20x5xf32>)
      -> (tensor<?x?x10xf32>, tensor<2x?x5xf32>, tensor<2x?x5xf32>)
  return %y, %h_n, %c_n : tensor<?x?x10xf32>, tensor<2x?x5xf32>,
      tensor<2x?x5xf32>
}

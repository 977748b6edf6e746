func.func @main(%x: tensor<4x3x6xf32>, %w_ih: tensor<2x20x6xf32>,
    %w_hh: tensor<2x20x5xf32>)
    -> (tensor<4x3x10xf32>, tensor<2x3x5xf32>, tensor<2x3x5xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh hidden_size(5) direction
      bidirectional
      : (tensor<4x3x6xf32>, tensor<2x20x6xf32>, tensor<2x20x5xf32>)
      -> (tensor<4x3x10xf32>, tensor<2x3x5xf32>, tensor<2x3x5xf32>)
  return %y, %h_n, %c_n : tensor<4x3x10xf32>, tensor<2x3x5xf32>,
      tensor<2x3x5xf32>
}

func.func @lstm(%x: tensor<?x?x4xf32>, %w_ih: tensor<1x16x4xf32>,
    %w_hh: tensor<1x16x4xf32>)
    -> (tensor<?x?x4xf32>, tensor<1x?x4xf32>, tensor<1x?x4xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh hidden_size(4)
      : (tensor<?x?x4xf32>, tensor<1x16x4xf32>, tensor<1x16x4xf32>)
      -> (tensor<?x?x4xf32>, tensor<1x?x4xf32>, tensor<1x?x4xf32>)
  return %y, %h_n, %c_n
      : tensor<?x?x4xf32>, tensor<1x?x4xf32>, tensor<1x?x4xf32>
}

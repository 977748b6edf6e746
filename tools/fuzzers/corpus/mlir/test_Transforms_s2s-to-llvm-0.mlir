func.func @encoder(%x: tensor<6x2x8xf32>, %w_ih: tensor<2x16x8xf32>,
    %w_hh: tensor<2x16x4xf32>) -> (tensor<6x2x8xf32>, tensor<2x2x4xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh hidden_size(4)
      direction bidirectional
      : (tensor<6x2x8xf32>, tensor<2x16x8xf32>, tensor<2x16x4xf32>)
      -> (tensor<6x2x8xf32>, tensor<2x2x4xf32>, tensor<2x2x4xf32>)
  %res = arith.addf %x, %y : tensor<6x2x8xf32>
  return %res, %h_n : tensor<6x2x8xf32>, tensor<2x2x4xf32>
}

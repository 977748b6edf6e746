func.func @main(%x: tensor<3x2x6xf32>, %w_ih: tensor<1x16x6xf32>,
                %w_hh: tensor<1x16x5xf32>)
    -> tensor<3x2x4xf32> {
  %y, %h, %c = s2s.lstm %x, %w_ih, %w_hh hidden_size(4)
      : (tensor<3x2x6xf32>, tensor<1x16x6xf32>, tensor<1x16x5xf32>)
      -> (tensor<3x2x4xf32>, tensor<1x2x4xf32>, tensor<1x2x4xf32>)
  return %y : tensor<3x2x4xf32>
}

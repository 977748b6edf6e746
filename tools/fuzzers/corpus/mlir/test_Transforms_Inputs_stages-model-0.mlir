func.func @encoder(%x: tensor<6x2x16xf32>, %w_ih: tensor<1x64x16xf32>,
    %w_hh: tensor<1x64x16xf32>, %w: tensor<16x16xf32>, %b: tensor<16xf32>)
    -> tensor<6x2x16xf32> {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh hidden_size(16)
      : (tensor<6x2x16xf32>, tensor<1x64x16xf32>, tensor<1x64x16xf32>)
      -> (tensor<6x2x16xf32>, tensor<1x2x16xf32>, tensor<1x2x16xf32>)
  %p = s2s.linear %y, %w, %b
      : (tensor<6x2x16xf32>, tensor<16x16xf32>, tensor<16xf32>)
      -> tensor<6x2x16xf32>
  %r = arith.addf %p, %x : tensor<6x2x16xf32>
  return %r : tensor<6x2x16xf32>
}

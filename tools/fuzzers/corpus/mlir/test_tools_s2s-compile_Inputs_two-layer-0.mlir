func.func @main(%x: tensor<64x128xf32>, %w1: tensor<256x128xf32>,
                %w2: tensor<128x256xf32>) -> tensor<64x128xf32> {
  %h = s2s.linear %x, %w1 : (tensor<64x128xf32>, tensor<256x128xf32>) -> tensor<64x256xf32>
  %t = math.tanh %h : tensor<64x256xf32>
  %y = s2s.linear %t, %w2 : (tensor<64x256xf32>, tensor<128x256xf32>) -> tensor<64x128xf32>
  return %y : tensor<64x128xf32>
}

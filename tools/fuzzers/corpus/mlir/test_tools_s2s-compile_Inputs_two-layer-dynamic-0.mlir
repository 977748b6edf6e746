func.func @main(%x: tensor<?x128xf32>, %w1: tensor<256x128xf32>,
                %w2: tensor<128x256xf32>) -> tensor<?x128xf32> {
  %h = s2s.linear %x, %w1 : (tensor<?x128xf32>, tensor<256x128xf32>) -> tensor<?x256xf32>
  %t = math.tanh %h : tensor<?x256xf32>
  %y = s2s.linear %t, %w2 : (tensor<?x256xf32>, tensor<128x256xf32>) -> tensor<?x128xf32>
  return %y : tensor<?x128xf32>
}

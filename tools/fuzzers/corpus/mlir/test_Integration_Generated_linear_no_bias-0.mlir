func.func @main(%input: tensor<3x5x9xf32>, %weight: tensor<11x9xf32>)
    -> tensor<3x5x11xf32> {
  %output = s2s.linear %input, %weight
      : (tensor<3x5x9xf32>, tensor<11x9xf32>)
      -> tensor<3x5x11xf32>
  return %output : tensor<3x5x11xf32>
}

func.func @main(%input: tensor<2x3x4x7xf32>, %weight: tensor<5x7xf32>,
    %bias: tensor<5xf32>)
    -> tensor<2x3x4x5xf32> {
  %output = s2s.linear %input, %weight, %bias
      : (tensor<2x3x4x7xf32>, tensor<5x7xf32>, tensor<5xf32>)
      -> tensor<2x3x4x5xf32>
  return %output : tensor<2x3x4x5xf32>
}

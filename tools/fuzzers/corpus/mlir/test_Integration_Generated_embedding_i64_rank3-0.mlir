func.func @main(%indices: tensor<2x3x4xi64>, %weight: tensor<17x5xf32>)
    -> tensor<2x3x4x5xf32> {
  %output = s2s.embedding %indices, %weight
      : (tensor<2x3x4xi64>, tensor<17x5xf32>)
      -> tensor<2x3x4x5xf32>
  return %output : tensor<2x3x4x5xf32>
}

func.func @main(%indices: tensor<0xi64>, %weight: tensor<0x5xf32>)
    -> tensor<0x5xf32> {
  %out = s2s.embedding %indices, %weight
      : (tensor<0xi64>, tensor<0x5xf32>) -> tensor<0x5xf32>
  return %out : tensor<0x5xf32>
}

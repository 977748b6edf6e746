func.func @main(%indices: tensor<9xi64>, %weight: tensor<17x5xf32>)
    -> tensor<9x5xf32> {
  %output = s2s.embedding %indices, %weight
      : (tensor<9xi64>, tensor<17x5xf32>)
      -> tensor<9x5xf32>
  return %output : tensor<9x5xf32>
}

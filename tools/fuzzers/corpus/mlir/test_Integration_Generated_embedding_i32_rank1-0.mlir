func.func @main(%indices: tensor<9xi32>, %weight: tensor<17x5xf32>)
    -> tensor<9x5xf32> {
  %output = s2s.embedding %indices, %weight
      : (tensor<9xi32>, tensor<17x5xf32>)
      -> tensor<9x5xf32>
  return %output : tensor<9x5xf32>
}

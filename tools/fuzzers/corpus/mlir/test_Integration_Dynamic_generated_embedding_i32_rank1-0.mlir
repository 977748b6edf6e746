func.func @main(%indices: tensor<?xi32>, %weight: tensor<17x5xf32>)
    -> tensor<?x5xf32> {
  %output = s2s.embedding %indices, %weight
      : (tensor<?xi32>, tensor<17x5xf32>)
      -> tensor<?x5xf32>
  return %output : tensor<?x5xf32>
}

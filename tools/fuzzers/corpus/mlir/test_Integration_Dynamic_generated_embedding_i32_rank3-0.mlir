func.func @main(%indices: tensor<?x?x?xi32>, %weight: tensor<17x5xf32>)
    -> tensor<?x?x?x5xf32> {
  %output = s2s.embedding %indices, %weight
      : (tensor<?x?x?xi32>, tensor<17x5xf32>)
      -> tensor<?x?x?x5xf32>
  return %output : tensor<?x?x?x5xf32>
}

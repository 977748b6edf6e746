func.func @main(%query: tensor<?x?x9xf32>, %keys: tensor<?x?x9xf32>,
    %values: tensor<?x?x5xf32>)
    -> (tensor<?x?x5xf32>, tensor<?x?x?xf32>) {
  %context, %weights = s2s.attention dot %query, %keys, %values
      : (tensor<?x?x9xf32>, tensor<?x?x9xf32>, tensor<?x?x5xf32>)
      -> (tensor<?x?x5xf32>, tensor<?x?x?xf32>)
  return %context, %weights : tensor<?x?x5xf32>, tensor<?x?x?xf32>
}

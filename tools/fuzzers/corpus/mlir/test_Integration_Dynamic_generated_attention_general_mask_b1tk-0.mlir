func.func @main(%query: tensor<?x?x9xf32>, %keys: tensor<?x?x11xf32>,
    %values: tensor<?x?x5xf32>, %w: tensor<9x11xf32>, %mask: tensor<?x1x?xi1>)
    -> (tensor<?x?x5xf32>, tensor<?x?x?xf32>) {
  %context, %weights = s2s.attention general %query, %keys, %values w(%w)
      mask(%mask)
      : (tensor<?x?x9xf32>, tensor<?x?x11xf32>, tensor<?x?x5xf32>,
         tensor<9x11xf32>, tensor<?x1x?xi1>)
      -> (tensor<?x?x5xf32>, tensor<?x?x?xf32>)
  return %context, %weights : tensor<?x?x5xf32>, tensor<?x?x?xf32>
}

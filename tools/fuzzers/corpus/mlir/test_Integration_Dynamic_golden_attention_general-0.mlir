func.func @main(%query: tensor<?x?x8xf32>, %keys: tensor<?x?x8xf32>,
    %values: tensor<?x?x6xf32>, %w: tensor<8x8xf32>, %mask: tensor<?x?x?xi1>)
    -> (tensor<?x?x6xf32>, tensor<?x?x?xf32>) {
  %context, %weights = s2s.attention general %query, %keys, %values w(%w)
      mask(%mask)
      : (tensor<?x?x8xf32>, tensor<?x?x8xf32>, tensor<?x?x6xf32>,
         tensor<8x8xf32>, tensor<?x?x?xi1>)
      -> (tensor<?x?x6xf32>, tensor<?x?x?xf32>)
  return %context, %weights : tensor<?x?x6xf32>, tensor<?x?x?xf32>
}

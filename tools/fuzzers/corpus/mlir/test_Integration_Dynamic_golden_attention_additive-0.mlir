func.func @main(%query: tensor<?x?x8xf32>, %keys: tensor<?x?x8xf32>,
    %values: tensor<?x?x6xf32>, %w_query: tensor<10x8xf32>,
    %w_keys: tensor<10x8xf32>, %v: tensor<10xf32>, %mask: tensor<?x?x?xi1>)
    -> (tensor<?x?x6xf32>, tensor<?x?x?xf32>) {
  %context, %weights = s2s.attention additive %query, %keys, %values
      w_query(%w_query) w_keys(%w_keys) v(%v) mask(%mask)
      : (tensor<?x?x8xf32>, tensor<?x?x8xf32>, tensor<?x?x6xf32>,
         tensor<10x8xf32>, tensor<10x8xf32>, tensor<10xf32>, tensor<?x?x?xi1>)
      -> (tensor<?x?x6xf32>, tensor<?x?x?xf32>)
  return %context, %weights : tensor<?x?x6xf32>, tensor<?x?x?xf32>
}

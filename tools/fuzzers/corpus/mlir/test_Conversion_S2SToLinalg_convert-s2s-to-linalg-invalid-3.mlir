func.func @attention_dynamic_features(%query: tensor<?x?x8xf32>,
    %keys: tensor<?x?x?xf32>, %values: tensor<?x?x8xf32>)
    -> (tensor<?x?x8xf32>, tensor<?x?x?xf32>) {
  %ctx, %w = s2s.attention dot %query, %keys, %values
      : (tensor<?x?x8xf32>, tensor<?x?x?xf32>, tensor<?x?x8xf32>)
      -> (tensor<?x?x8xf32>, tensor<?x?x?xf32>)
  return %ctx, %w : tensor<?x?x8xf32>, tensor<?x?x?xf32>
}

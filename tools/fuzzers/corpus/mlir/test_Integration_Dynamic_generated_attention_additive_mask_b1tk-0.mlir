func.func @main(%query: tensor<?x?x9xf32>, %keys: tensor<?x?x11xf32>,
    %values: tensor<?x?x5xf32>, %w_query: tensor<13x9xf32>,
    %w_keys: tensor<13x11xf32>, %v: tensor<13xf32>, %mask: tensor<?x1x?xi1>)
    -> (tensor<?x?x5xf32>, tensor<?x?x?xf32>) {
  %context, %weights = s2s.attention additive %query, %keys, %values
      w_query(%w_query) w_keys(%w_keys) v(%v) mask(%mask)
      : (tensor<?x?x9xf32>, tensor<?x?x11xf32>, tensor<?x?x5xf32>,
         tensor<13x9xf32>, tensor<13x11xf32>, tensor<13xf32>, tensor<?x1x?xi1>)
      -> (tensor<?x?x5xf32>, tensor<?x?x?xf32>)
  return %context, %weights : tensor<?x?x5xf32>, tensor<?x?x?xf32>
}

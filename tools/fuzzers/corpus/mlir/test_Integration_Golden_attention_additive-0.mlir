func.func @main(%query: tensor<2x3x8xf32>, %keys: tensor<2x5x8xf32>,
    %values: tensor<2x5x6xf32>, %w_query: tensor<10x8xf32>,
    %w_keys: tensor<10x8xf32>, %v: tensor<10xf32>, %mask: tensor<2x3x5xi1>)
    -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>) {
  %context, %weights = s2s.attention additive %query, %keys, %values
      w_query(%w_query) w_keys(%w_keys) v(%v) mask(%mask)
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x6xf32>,
         tensor<10x8xf32>, tensor<10x8xf32>, tensor<10xf32>, tensor<2x3x5xi1>)
      -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>)
  return %context, %weights : tensor<2x3x6xf32>, tensor<2x3x5xf32>
}

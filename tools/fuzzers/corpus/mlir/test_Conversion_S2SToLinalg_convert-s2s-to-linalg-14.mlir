func.func @attention_dot(%query: tensor<2x3x8xf32>, %keys: tensor<2x5x8xf32>,
    %values: tensor<2x5x6xf32>) -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>) {
  %ctx, %weights = s2s.attention dot %query, %keys, %values
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x6xf32>)
      -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>)
  return %ctx, %weights : tensor<2x3x6xf32>, tensor<2x3x5xf32>
}

func.func @attention_general(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x4xf32>, %values: tensor<2x5x6xf32>, %w: tensor<8x4xf32>)
    -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>) {
  %ctx, %weights = s2s.attention general %query, %keys, %values w(%w)
      : (tensor<2x3x8xf32>, tensor<2x5x4xf32>, tensor<2x5x6xf32>,
         tensor<8x4xf32>) -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>)
  return %ctx, %weights : tensor<2x3x6xf32>, tensor<2x3x5xf32>
}

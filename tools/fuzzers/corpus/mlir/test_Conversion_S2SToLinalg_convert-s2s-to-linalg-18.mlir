func.func @attention_mask_broadcast(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %values: tensor<2x5x6xf32>,
    %mask: tensor<2x1x5xi1>) -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>) {
  %ctx, %weights = s2s.attention dot %query, %keys, %values mask(%mask)
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x6xf32>,
         tensor<2x1x5xi1>) -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>)
  return %ctx, %weights : tensor<2x3x6xf32>, tensor<2x3x5xf32>
}

func.func @attention_mask_not_broadcastable(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %values: tensor<2x5x7xf32>,
    %mask: tensor<2x3x4xi1>) {
  %0:2 = s2s.attention dot %query, %keys, %values mask(%mask)
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x7xf32>,
      tensor<2x3x4xi1>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

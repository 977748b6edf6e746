func.func @attention_true_mask(%q: tensor<2x3x8xf32>, %keys: tensor<2x5x8xf32>,
    %values: tensor<2x5x8xf32>) -> tensor<2x3x8xf32> {
  %true = arith.constant dense<true> : tensor<2x1x5xi1>
  %ctx, %weights = s2s.attention dot %q, %keys, %values mask(%true)
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x8xf32>,
         tensor<2x1x5xi1>) -> (tensor<2x3x8xf32>, tensor<2x3x5xf32>)
  return %ctx : tensor<2x3x8xf32>
}

func.func @sdpa_additive_mask_rank2(%q: tensor<2x4x5x8xf32>,
    %k: tensor<2x4x12x8xf32>, %v: tensor<2x4x12x8xf32>,
    %mask: tensor<5x12xf32>) -> tensor<2x4x5x8xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<2x4x5x8xf32>, tensor<2x4x12x8xf32>, tensor<2x4x12x8xf32>,
         tensor<5x12xf32>) -> tensor<2x4x5x8xf32>
  return %out : tensor<2x4x5x8xf32>
}

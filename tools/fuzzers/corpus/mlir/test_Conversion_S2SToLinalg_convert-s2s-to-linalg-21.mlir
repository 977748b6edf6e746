func.func @sdpa_bool_mask_broadcast(%q: tensor<2x4x5x8xf32>,
    %k: tensor<2x4x12x8xf32>, %v: tensor<2x4x12x8xf32>,
    %mask: tensor<2x1x1x12xi1>) -> tensor<2x4x5x8xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<2x4x5x8xf32>, tensor<2x4x12x8xf32>, tensor<2x4x12x8xf32>,
         tensor<2x1x1x12xi1>) -> tensor<2x4x5x8xf32>
  return %out : tensor<2x4x5x8xf32>
}

func.func @sdpa_mask_heads(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf32>, %value: tensor<2x4x7x8xf32>,
    %mask: tensor<2x2x5x7xf32>) {
  %0 = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>,
      tensor<2x2x5x7xf32>) -> tensor<2x4x5x8xf32>
  return
}

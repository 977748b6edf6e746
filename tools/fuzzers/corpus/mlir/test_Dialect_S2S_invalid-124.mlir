func.func @sdpa_mask_f64_with_f32_query(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf32>, %value: tensor<2x4x7x8xf32>,
    %mask: tensor<5x7xf64>) {
  %0 = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>,
      tensor<5x7xf64>) -> tensor<2x4x5x8xf32>
  return
}

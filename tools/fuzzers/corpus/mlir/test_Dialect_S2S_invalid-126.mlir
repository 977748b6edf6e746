func.func @sdpa_mask_rank_1(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf32>, %value: tensor<2x4x7x8xf32>, %mask: tensor<7xi1>)
    {
  %0 = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>,
      tensor<7xi1>) -> tensor<2x4x5x8xf32>
  return
}

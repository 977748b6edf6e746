func.func @sdpa_key_batch(%query: tensor<2x4x5x8xf32>,
    %key: tensor<1x4x7x8xf32>, %value: tensor<1x4x7x8xf32>) {
  %0 = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<2x4x5x8xf32>, tensor<1x4x7x8xf32>, tensor<1x4x7x8xf32>)
      -> tensor<2x4x5x8xf32>
  return
}

func.func @sdpa_key_element_type(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf16>, %value: tensor<2x4x7x8xf32>) {
  %0 = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf16>, tensor<2x4x7x8xf32>)
      -> tensor<2x4x5x8xf32>
  return
}

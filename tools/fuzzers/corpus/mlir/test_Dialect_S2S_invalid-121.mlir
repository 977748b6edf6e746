func.func @sdpa_value_element_type(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf32>, %value: tensor<2x4x7x8xbf16>) {
  %0 = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xbf16>)
      -> tensor<2x4x5x8xf32>
  return
}

func.func @sdpa_scale_infinite(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf32>, %value: tensor<2x4x7x8xf32>) {
  %0 = s2s.scaled_dot_product_attention %query, %key, %value
      scale(0x7FF0000000000000)
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>)
      -> tensor<2x4x5x8xf32>
  return
}

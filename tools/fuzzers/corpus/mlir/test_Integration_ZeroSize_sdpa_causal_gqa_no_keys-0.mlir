func.func @main(%query: tensor<2x4x3x8xf32>, %key: tensor<2x2x0x8xf32>,
    %value: tensor<2x2x0x8xf32>) -> tensor<2x4x3x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value causal
      : (tensor<2x4x3x8xf32>, tensor<2x2x0x8xf32>, tensor<2x2x0x8xf32>)
      -> tensor<2x4x3x8xf32>
  return %out : tensor<2x4x3x8xf32>
}

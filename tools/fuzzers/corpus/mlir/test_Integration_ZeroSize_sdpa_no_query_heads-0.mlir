func.func @main(%query: tensor<1x0x3x8xf32>, %key: tensor<1x2x4x8xf32>,
    %value: tensor<1x2x4x8xf32>) -> tensor<1x0x3x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<1x0x3x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>)
      -> tensor<1x0x3x8xf32>
  return %out : tensor<1x0x3x8xf32>
}

func.func @main(%query: tensor<2x2x4x8xf32>, %key: tensor<2x2x6x8xf32>,
    %value: tensor<2x2x6x5xf32>)
    -> tensor<2x2x4x5xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value
      scale(0.35355339059327373)
      : (tensor<2x2x4x8xf32>, tensor<2x2x6x8xf32>, tensor<2x2x6x5xf32>)
      -> tensor<2x2x4x5xf32>
  return %out : tensor<2x2x4x5xf32>
}

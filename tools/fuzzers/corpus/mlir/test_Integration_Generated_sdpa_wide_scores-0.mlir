func.func @main(%query: tensor<1x2x4x8xf32>, %key: tensor<1x2x150x8xf32>,
    %value: tensor<1x2x150x8xf32>, %mask: tensor<4x150xf32>)
    -> tensor<1x2x4x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      scale(3.0)
      : (tensor<1x2x4x8xf32>, tensor<1x2x150x8xf32>, tensor<1x2x150x8xf32>,
         tensor<4x150xf32>)
      -> tensor<1x2x4x8xf32>
  return %out : tensor<1x2x4x8xf32>
}

func.func @main(%query: tensor<2x2x5x8xf32>, %key: tensor<2x2x6x8xf32>,
    %value: tensor<2x2x6x8xf32>, %mask: tensor<2x1x5x6xi1>)
    -> tensor<2x2x5x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      scale(0.35355339059327373)
      : (tensor<2x2x5x8xf32>, tensor<2x2x6x8xf32>, tensor<2x2x6x8xf32>,
         tensor<2x1x5x6xi1>)
      -> tensor<2x2x5x8xf32>
  return %out : tensor<2x2x5x8xf32>
}

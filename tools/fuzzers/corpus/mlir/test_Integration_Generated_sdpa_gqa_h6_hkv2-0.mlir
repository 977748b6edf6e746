func.func @main(%query: tensor<2x6x5x8xf32>, %key: tensor<2x2x7x8xf32>,
    %value: tensor<2x2x7x8xf32>, %mask: tensor<2x1x1x7xi1>)
    -> tensor<2x6x5x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      scale(0.35355339059327373)
      : (tensor<2x6x5x8xf32>, tensor<2x2x7x8xf32>, tensor<2x2x7x8xf32>,
         tensor<2x1x1x7xi1>)
      -> tensor<2x6x5x8xf32>
  return %out : tensor<2x6x5x8xf32>
}

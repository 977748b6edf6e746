func.func @main(%query: tensor<2x3x5x6xf32>, %key: tensor<2x3x7x6xf32>,
    %value: tensor<2x3x7x6xf32>, %mask: tensor<5x7xi1>)
    -> tensor<2x3x5x6xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      scale(0.3)
      : (tensor<2x3x5x6xf32>, tensor<2x3x7x6xf32>, tensor<2x3x7x6xf32>,
         tensor<5x7xi1>)
      -> tensor<2x3x5x6xf32>
  return %out : tensor<2x3x5x6xf32>
}

func.func @main(%query: tensor<2x2x5x12xf32>, %key: tensor<2x2x7x12xf32>,
    %value: tensor<2x2x7x12xf32>)
    -> tensor<2x2x5x12xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<2x2x5x12xf32>, tensor<2x2x7x12xf32>, tensor<2x2x7x12xf32>)
      -> tensor<2x2x5x12xf32>
  return %out : tensor<2x2x5x12xf32>
}

func.func @main(%query: tensor<2x3x5x7xf32>, %key: tensor<2x3x9x7xf32>,
    %value: tensor<2x3x9x7xf32>)
    -> tensor<2x3x5x7xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value scale(0.25)
      causal
      : (tensor<2x3x5x7xf32>, tensor<2x3x9x7xf32>, tensor<2x3x9x7xf32>)
      -> tensor<2x3x5x7xf32>
  return %out : tensor<2x3x5x7xf32>
}

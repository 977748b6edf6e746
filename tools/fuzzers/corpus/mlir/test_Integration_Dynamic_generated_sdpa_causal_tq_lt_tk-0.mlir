func.func @main(%query: tensor<?x3x?x7xf32>, %key: tensor<?x3x?x7xf32>,
    %value: tensor<?x3x?x7xf32>)
    -> tensor<?x3x?x7xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value scale(0.25)
      causal
      : (tensor<?x3x?x7xf32>, tensor<?x3x?x7xf32>, tensor<?x3x?x7xf32>)
      -> tensor<?x3x?x7xf32>
  return %out : tensor<?x3x?x7xf32>
}

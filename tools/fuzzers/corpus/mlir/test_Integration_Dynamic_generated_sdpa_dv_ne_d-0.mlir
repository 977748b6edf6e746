func.func @main(%query: tensor<?x2x?x8xf32>, %key: tensor<?x2x?x8xf32>,
    %value: tensor<?x2x?x5xf32>)
    -> tensor<?x2x?x5xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value
      scale(0.35355339059327373)
      : (tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>, tensor<?x2x?x5xf32>)
      -> tensor<?x2x?x5xf32>
  return %out : tensor<?x2x?x5xf32>
}

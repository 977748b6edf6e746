func.func @main(%query: tensor<?x2x?x12xf32>, %key: tensor<?x2x?x12xf32>,
    %value: tensor<?x2x?x12xf32>)
    -> tensor<?x2x?x12xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<?x2x?x12xf32>, tensor<?x2x?x12xf32>, tensor<?x2x?x12xf32>)
      -> tensor<?x2x?x12xf32>
  return %out : tensor<?x2x?x12xf32>
}

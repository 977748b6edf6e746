func.func @main(%query: tensor<?x2x?x8xf32>, %key: tensor<?x2x?x8xf32>,
    %value: tensor<?x2x?x8xf32>, %mask: tensor<?x?xf32>)
    -> tensor<?x2x?x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      scale(3.0)
      : (tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>,
         tensor<?x?xf32>)
      -> tensor<?x2x?x8xf32>
  return %out : tensor<?x2x?x8xf32>
}

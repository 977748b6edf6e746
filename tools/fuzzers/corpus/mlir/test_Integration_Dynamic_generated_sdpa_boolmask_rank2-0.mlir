func.func @main(%query: tensor<?x3x?x6xf32>, %key: tensor<?x3x?x6xf32>,
    %value: tensor<?x3x?x6xf32>, %mask: tensor<?x?xi1>)
    -> tensor<?x3x?x6xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      scale(0.3)
      : (tensor<?x3x?x6xf32>, tensor<?x3x?x6xf32>, tensor<?x3x?x6xf32>,
         tensor<?x?xi1>)
      -> tensor<?x3x?x6xf32>
  return %out : tensor<?x3x?x6xf32>
}

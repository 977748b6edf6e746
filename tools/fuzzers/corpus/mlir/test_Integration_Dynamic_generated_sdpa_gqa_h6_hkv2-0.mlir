func.func @main(%query: tensor<?x6x?x8xf32>, %key: tensor<?x2x?x8xf32>,
    %value: tensor<?x2x?x8xf32>, %mask: tensor<?x1x1x?xi1>)
    -> tensor<?x6x?x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      scale(0.35355339059327373)
      : (tensor<?x6x?x8xf32>, tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>,
         tensor<?x1x1x?xi1>)
      -> tensor<?x6x?x8xf32>
  return %out : tensor<?x6x?x8xf32>
}

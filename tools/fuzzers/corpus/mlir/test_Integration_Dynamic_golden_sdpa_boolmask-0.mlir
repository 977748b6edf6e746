func.func @main(%q: tensor<?x4x?x8xf32>, %k: tensor<?x4x?x8xf32>,
    %v: tensor<?x4x?x8xf32>, %mask: tensor<?x1x?x?xi1>)
    -> tensor<?x4x?x8xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      scale(0.35355339059327373)
      : (tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
         tensor<?x1x?x?xi1>)
      -> tensor<?x4x?x8xf32>
  return %out : tensor<?x4x?x8xf32>
}

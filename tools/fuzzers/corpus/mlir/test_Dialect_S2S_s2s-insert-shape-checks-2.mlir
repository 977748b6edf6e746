func.func @sdpa_rules(%q: tensor<?x4x?x8xf32>, %k: tensor<?x2x?x8xf32>,
    %v: tensor<?x2x?x8xf32>, %mask: tensor<1x1x?x?xi1>)
    -> tensor<?x4x?x8xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x4x?x8xf32>, tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>,
         tensor<1x1x?x?xi1>) -> tensor<?x4x?x8xf32>
  return %out : tensor<?x4x?x8xf32>
}

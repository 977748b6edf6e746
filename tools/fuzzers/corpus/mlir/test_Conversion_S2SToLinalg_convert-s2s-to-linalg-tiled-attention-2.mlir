func.func @sdpa_tiled_bool_mask(%q: tensor<2x2x16x8xf32>, %k: tensor<2x2x32x8xf32>,
                                %v: tensor<2x2x32x8xf32>,
                                %mask: tensor<2x1x16x32xi1>)
    -> tensor<2x2x16x8xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<2x2x16x8xf32>, tensor<2x2x32x8xf32>, tensor<2x2x32x8xf32>,
         tensor<2x1x16x32xi1>) -> tensor<2x2x16x8xf32>
  return %out : tensor<2x2x16x8xf32>
}

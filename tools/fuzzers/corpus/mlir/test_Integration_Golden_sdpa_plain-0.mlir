func.func @main(%q: tensor<2x4x16x8xf32>, %k: tensor<2x4x16x8xf32>,
    %v: tensor<2x4x16x8xf32>)
    -> tensor<2x4x16x8xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v scale(0.35355339059327373)
      : (tensor<2x4x16x8xf32>, tensor<2x4x16x8xf32>, tensor<2x4x16x8xf32>)
      -> tensor<2x4x16x8xf32>
  return %out : tensor<2x4x16x8xf32>
}

func.func @main(%q: tensor<1x4x5x8xf32>, %k: tensor<1x2x12x8xf32>,
    %v: tensor<1x2x12x8xf32>)
    -> tensor<1x4x5x8xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v scale(0.35355339059327373)
      : (tensor<1x4x5x8xf32>, tensor<1x2x12x8xf32>, tensor<1x2x12x8xf32>)
      -> tensor<1x4x5x8xf32>
  return %out : tensor<1x4x5x8xf32>
}

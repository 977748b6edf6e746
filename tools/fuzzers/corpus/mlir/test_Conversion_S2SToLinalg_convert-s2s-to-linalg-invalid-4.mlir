func.func @sdpa_dynamic_heads(%q: tensor<1x?x5x8xf32>, %k: tensor<1x4x12x8xf32>,
    %v: tensor<1x4x12x8xf32>) -> tensor<1x?x5x8xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v
      : (tensor<1x?x5x8xf32>, tensor<1x4x12x8xf32>, tensor<1x4x12x8xf32>)
      -> tensor<1x?x5x8xf32>
  return %out : tensor<1x?x5x8xf32>
}

func.func @sdpa_causal(%q: tensor<2x2x5x8xf32>, %k: tensor<2x2x12x8xf32>,
    %v: tensor<2x2x12x8xf32>) -> tensor<2x2x5x8xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v scale(0.5) causal
      : (tensor<2x2x5x8xf32>, tensor<2x2x12x8xf32>, tensor<2x2x12x8xf32>)
      -> tensor<2x2x5x8xf32>
  return %out : tensor<2x2x5x8xf32>
}

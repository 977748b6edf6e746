func.func @sdpa_causal(%q: tensor<?x2x?x8xf32>, %k: tensor<?x2x?x8xf32>,
    %v: tensor<?x2x?x8xf32>) -> tensor<?x2x?x8xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v causal
      : (tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>)
      -> tensor<?x2x?x8xf32>
  return %out : tensor<?x2x?x8xf32>
}

func.func @sdpa_causal_skips_blocks(%q: tensor<1x1x36x8xf32>,
                                    %k: tensor<1x1x40x8xf32>,
                                    %v: tensor<1x1x40x6xf32>)
    -> tensor<1x1x36x6xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v causal
      : (tensor<1x1x36x8xf32>, tensor<1x1x40x8xf32>, tensor<1x1x40x6xf32>)
      -> tensor<1x1x36x6xf32>
  return %out : tensor<1x1x36x6xf32>
}

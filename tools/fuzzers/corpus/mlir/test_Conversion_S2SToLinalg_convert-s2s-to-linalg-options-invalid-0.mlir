func.func @sdpa(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>,
    %v: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %o = s2s.scaled_dot_product_attention %q, %k, %v
      : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>)
      -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

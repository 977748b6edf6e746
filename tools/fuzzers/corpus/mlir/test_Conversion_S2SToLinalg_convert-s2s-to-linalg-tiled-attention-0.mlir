func.func @sdpa_tiled(%q: tensor<1x4x32x8xf32>, %k: tensor<1x2x40x8xf32>,
                      %v: tensor<1x2x40x6xf32>) -> tensor<1x4x32x6xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v
      : (tensor<1x4x32x8xf32>, tensor<1x2x40x8xf32>, tensor<1x2x40x6xf32>)
      -> tensor<1x4x32x6xf32>
  return %out : tensor<1x4x32x6xf32>
}

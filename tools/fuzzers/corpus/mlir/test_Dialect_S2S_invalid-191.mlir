func.func @layer_norm_eps_negative(%input: tensor<2x5x16xf32>) {
  %0 = s2s.layer_norm %input normalized_shape([16]) eps(-1.0e-05)
      : (tensor<2x5x16xf32>) -> tensor<2x5x16xf32>
  return
}

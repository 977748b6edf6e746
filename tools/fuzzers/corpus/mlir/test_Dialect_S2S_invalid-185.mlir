func.func @layer_norm_empty_normalized_shape(%input: tensor<2x5x16xf32>) {
  %0 = s2s.layer_norm %input normalized_shape([]) : (tensor<2x5x16xf32>)
      -> tensor<2x5x16xf32>
  return
}

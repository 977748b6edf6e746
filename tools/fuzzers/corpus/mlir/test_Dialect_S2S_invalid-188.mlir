func.func @layer_norm_input_trailing_dims(%input: tensor<2x5x16xf32>) {
  %0 = s2s.layer_norm %input normalized_shape([5]) : (tensor<2x5x16xf32>)
      -> tensor<2x5x16xf32>
  return
}

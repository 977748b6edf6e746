func.func @layer_norm_integer_input(%input: tensor<2x5x16xi32>) {
  %0 = s2s.layer_norm %input normalized_shape([16]) : (tensor<2x5x16xi32>)
      -> tensor<2x5x16xi32>
  return
}

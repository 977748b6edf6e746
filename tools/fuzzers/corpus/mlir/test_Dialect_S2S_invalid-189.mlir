func.func @layer_norm_normalized_shape_longer_than_input(%input: tensor<16xf32>)
    {
  %0 = s2s.layer_norm %input normalized_shape([5, 16]) : (tensor<16xf32>)
      -> tensor<16xf32>
  return
}

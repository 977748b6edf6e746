func.func @main(%input: tensor<3x4x5xf32>)
    -> tensor<3x4x5xf32> {
  %output = s2s.layer_norm %input normalized_shape([4, 5]) eps(1.0e-03)
      : (tensor<3x4x5xf32>)
      -> tensor<3x4x5xf32>
  return %output : tensor<3x4x5xf32>
}

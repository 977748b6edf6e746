func.func @main(%input: tensor<16xf32>)
    -> tensor<16xf32> {
  %output = s2s.layer_norm %input normalized_shape([16])
      : (tensor<16xf32>)
      -> tensor<16xf32>
  return %output : tensor<16xf32>
}

func.func @main(%input: tensor<?x4x5xf32>)
    -> tensor<?x4x5xf32> {
  %output = s2s.layer_norm %input normalized_shape([4, 5]) eps(1.0e-03)
      : (tensor<?x4x5xf32>)
      -> tensor<?x4x5xf32>
  return %output : tensor<?x4x5xf32>
}

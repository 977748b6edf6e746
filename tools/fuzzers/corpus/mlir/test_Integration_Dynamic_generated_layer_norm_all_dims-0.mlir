func.func @main(%input: tensor<4x5xf32>, %weight: tensor<4x5xf32>,
    %bias: tensor<4x5xf32>)
    -> tensor<4x5xf32> {
  %output = s2s.layer_norm %input weight(%weight) bias(%bias)
      normalized_shape([4, 5]) eps(1.0e-04)
      : (tensor<4x5xf32>, tensor<4x5xf32>, tensor<4x5xf32>)
      -> tensor<4x5xf32>
  return %output : tensor<4x5xf32>
}

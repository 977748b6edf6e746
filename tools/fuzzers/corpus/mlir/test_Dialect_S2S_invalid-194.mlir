func.func @layer_norm_bias_shape(%input: tensor<2x5x16xf32>,
    %weight: tensor<5x16xf32>, %bias: tensor<16xf32>) {
  %0 = s2s.layer_norm %input weight(%weight) bias(%bias)
      normalized_shape([5, 16])
      : (tensor<2x5x16xf32>, tensor<5x16xf32>, tensor<16xf32>)
      -> tensor<2x5x16xf32>
  return
}

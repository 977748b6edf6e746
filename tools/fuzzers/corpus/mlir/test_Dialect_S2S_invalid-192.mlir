func.func @layer_norm_weight_shape(%input: tensor<2x5x16xf32>,
    %weight: tensor<5x16xf32>) {
  %0 = s2s.layer_norm %input weight(%weight) normalized_shape([16])
      : (tensor<2x5x16xf32>, tensor<5x16xf32>) -> tensor<2x5x16xf32>
  return
}

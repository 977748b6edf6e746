func.func @linear_bias_shape(%input: tensor<4x16xf32>,
    %weight: tensor<12x16xf32>, %bias: tensor<16xf32>) {
  %0 = s2s.linear %input, %weight, %bias
      : (tensor<4x16xf32>, tensor<12x16xf32>, tensor<16xf32>)
      -> tensor<4x12xf32>
  return
}

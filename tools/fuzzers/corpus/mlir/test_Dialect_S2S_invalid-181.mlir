func.func @linear_bias_element_type(%input: tensor<4x16xf32>,
    %weight: tensor<12x16xf32>, %bias: tensor<12xf64>) {
  %0 = s2s.linear %input, %weight, %bias
      : (tensor<4x16xf32>, tensor<12x16xf32>, tensor<12xf64>)
      -> tensor<4x12xf32>
  return
}

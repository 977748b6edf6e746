func.func @linear_weight_element_type(%input: tensor<4x16xf32>,
    %weight: tensor<12x16xf16>) {
  %0 = s2s.linear %input, %weight : (tensor<4x16xf32>, tensor<12x16xf16>)
      -> tensor<4x12xf32>
  return
}

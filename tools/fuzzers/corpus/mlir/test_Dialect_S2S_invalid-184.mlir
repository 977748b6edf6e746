func.func @linear_result_type(%input: tensor<2x5x16xf32>,
    %weight: tensor<12x16xf32>) {
  %0 = s2s.linear %input, %weight : (tensor<2x5x16xf32>, tensor<12x16xf32>)
      -> tensor<2x5x16xf32>
  return
}

func.func @linear_integer_input(%input: tensor<4x16xi32>,
    %weight: tensor<12x16xf32>) {
  %0 = s2s.linear %input, %weight : (tensor<4x16xi32>, tensor<12x16xf32>)
      -> tensor<4x12xf32>
  return
}

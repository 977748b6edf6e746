func.func @linear_rank_0_input(%input: tensor<f32>, %weight: tensor<12x16xf32>)
    {
  %0 = s2s.linear %input, %weight : (tensor<f32>, tensor<12x16xf32>)
      -> tensor<12xf32>
  return
}

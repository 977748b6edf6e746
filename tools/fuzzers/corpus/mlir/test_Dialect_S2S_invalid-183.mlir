func.func @linear_weight_rank(%input: tensor<4x16xf32>, %weight: tensor<16xf32>)
    {
  %0 = s2s.linear %input, %weight : (tensor<4x16xf32>, tensor<16xf32>)
      -> tensor<4x12xf32>
  return
}

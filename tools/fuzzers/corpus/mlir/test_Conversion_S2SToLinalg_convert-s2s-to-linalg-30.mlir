func.func @linear_rank3(%x: tensor<2x5x16xf32>, %w: tensor<12x16xf32>,
    %b: tensor<12xf32>) -> tensor<2x5x12xf32> {
  %y = s2s.linear %x, %w, %b
      : (tensor<2x5x16xf32>, tensor<12x16xf32>, tensor<12xf32>)
      -> tensor<2x5x12xf32>
  return %y : tensor<2x5x12xf32>
}

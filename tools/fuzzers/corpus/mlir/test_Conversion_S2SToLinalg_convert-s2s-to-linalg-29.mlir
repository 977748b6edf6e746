func.func @linear_rank2_no_bias(%x: tensor<5x16xf32>, %w: tensor<12x16xf32>)
    -> tensor<5x12xf32> {
  %y = s2s.linear %x, %w : (tensor<5x16xf32>, tensor<12x16xf32>) -> tensor<5x12xf32>
  return %y : tensor<5x12xf32>
}

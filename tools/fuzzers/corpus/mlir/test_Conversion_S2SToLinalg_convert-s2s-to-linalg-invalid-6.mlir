func.func @linear_dynamic_features(%x: tensor<4x?xf32>,
    %w: tensor<12x16xf32>) -> tensor<4x12xf32> {
  %y = s2s.linear %x, %w : (tensor<4x?xf32>, tensor<12x16xf32>)
      -> tensor<4x12xf32>
  return %y : tensor<4x12xf32>
}

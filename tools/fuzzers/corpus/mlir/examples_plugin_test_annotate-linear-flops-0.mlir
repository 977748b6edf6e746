func.func @linear_with_bias(%x: tensor<2x5x16xf32>, %w: tensor<12x16xf32>,
                            %b: tensor<12xf32>) -> tensor<2x5x12xf32> {
  %y = s2s.linear %x, %w, %b
      : (tensor<2x5x16xf32>, tensor<12x16xf32>, tensor<12xf32>)
      -> tensor<2x5x12xf32>
  return %y : tensor<2x5x12xf32>
}

func.func @linear_without_bias(%x: tensor<16xf32>, %w: tensor<12x16xf32>)
    -> tensor<12xf32> {
  %y = s2s.linear %x, %w : (tensor<16xf32>, tensor<12x16xf32>) -> tensor<12xf32>
  return %y : tensor<12xf32>
}

func.func @negative_dynamic_batch(%x: tensor<?x16xf32>, %w: tensor<12x16xf32>)
    -> tensor<?x12xf32> {
  %y = s2s.linear %x, %w : (tensor<?x16xf32>, tensor<12x16xf32>) -> tensor<?x12xf32>
  return %y : tensor<?x12xf32>
}

func.func @main(%input: tensor<2x3x7xf32>, %indices: tensor<4xi32>)
    -> tensor<2x3x4xf32> {
  %output = s2s.index_select %input, %indices dim(-1)
      : (tensor<2x3x7xf32>, tensor<4xi32>)
      -> tensor<2x3x4xf32>
  return %output : tensor<2x3x4xf32>
}

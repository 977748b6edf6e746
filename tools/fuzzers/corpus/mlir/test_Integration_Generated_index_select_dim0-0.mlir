func.func @main(%input: tensor<5x3x4xf32>, %indices: tensor<6xi64>)
    -> tensor<6x3x4xf32> {
  %output = s2s.index_select %input, %indices dim(0)
      : (tensor<5x3x4xf32>, tensor<6xi64>)
      -> tensor<6x3x4xf32>
  return %output : tensor<6x3x4xf32>
}

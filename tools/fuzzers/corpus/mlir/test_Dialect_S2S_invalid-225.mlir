func.func @index_select_result_shape(%input: tensor<3x4xf32>, %indices: tensor<2xi64>) {
  %0 = s2s.index_select %input, %indices dim(1)
      : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<2x4xf32>
  return
}

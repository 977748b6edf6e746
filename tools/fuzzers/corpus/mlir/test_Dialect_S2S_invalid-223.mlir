func.func @index_select_dim_too_large(%input: tensor<3x4xf32>, %indices: tensor<2xi64>) {
  %0 = s2s.index_select %input, %indices dim(2)
      : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<3x4xf32>
  return
}

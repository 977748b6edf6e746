func.func @index_select_indices_rank(%input: tensor<3x4xf32>, %indices: tensor<2x1xi64>) {
  %0 = s2s.index_select %input, %indices dim(0)
      : (tensor<3x4xf32>, tensor<2x1xi64>) -> tensor<2x4xf32>
  return
}

func.func @index_select_empty_dim(%input: tensor<0x4xf32>, %indices: tensor<2xi64>) {
  %0 = s2s.index_select %input, %indices dim(0)
      : (tensor<0x4xf32>, tensor<2xi64>) -> tensor<2x4xf32>
  return
}

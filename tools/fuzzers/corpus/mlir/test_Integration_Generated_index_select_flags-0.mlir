func.func @main(%input: tensor<8xi1>, %indices: tensor<8xi64>)
    -> tensor<8xi1> {
  %output = s2s.index_select %input, %indices dim(0)
      : (tensor<8xi1>, tensor<8xi64>)
      -> tensor<8xi1>
  return %output : tensor<8xi1>
}

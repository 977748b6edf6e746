func.func @main(%input: tensor<8x5xi64>, %indices: tensor<8xi64>)
    -> tensor<8x5xi64> {
  %output = s2s.index_select %input, %indices dim(0)
      : (tensor<8x5xi64>, tensor<8xi64>)
      -> tensor<8x5xi64>
  return %output : tensor<8x5xi64>
}

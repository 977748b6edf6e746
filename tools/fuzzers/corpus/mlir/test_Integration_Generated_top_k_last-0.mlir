func.func @main(%input: tensor<3x50xf32>)
    -> (tensor<3x5xf32>, tensor<3x5xi64>) {
  %values, %indices = s2s.top_k %input k(5) dim(-1)
      : (tensor<3x50xf32>)
      -> (tensor<3x5xf32>, tensor<3x5xi64>)
  return %values, %indices : tensor<3x5xf32>, tensor<3x5xi64>
}

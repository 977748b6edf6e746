func.func @main(%input: tensor<6x?xf32>)
    -> (tensor<3x?xf32>, tensor<3x?xi64>) {
  %values, %indices = s2s.top_k %input k(3) dim(0)
      : (tensor<6x?xf32>)
      -> (tensor<3x?xf32>, tensor<3x?xi64>)
  return %values, %indices : tensor<3x?xf32>, tensor<3x?xi64>
}

func.func @main(%input: tensor<2x8xf32>)
    -> (tensor<2x8xf32>, tensor<2x8xi64>) {
  %values, %indices = s2s.top_k %input k(8) dim(1)
      : (tensor<2x8xf32>)
      -> (tensor<2x8xf32>, tensor<2x8xi64>)
  return %values, %indices : tensor<2x8xf32>, tensor<2x8xi64>
}

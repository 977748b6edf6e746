func.func @main(%input: tensor<2x60xf32>)
    -> (tensor<2x4xf32>, tensor<2x4xi64>) {
  %values, %indices = s2s.top_k %input k(4) dim(1)
      : (tensor<2x60xf32>)
      -> (tensor<2x4xf32>, tensor<2x4xi64>)
  return %values, %indices : tensor<2x4xf32>, tensor<2x4xi64>
}

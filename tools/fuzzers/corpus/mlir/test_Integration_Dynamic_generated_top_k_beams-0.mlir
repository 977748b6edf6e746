func.func @main(%input: tensor<?x60xf32>)
    -> (tensor<?x4xf32>, tensor<?x4xi64>) {
  %values, %indices = s2s.top_k %input k(4) dim(1)
      : (tensor<?x60xf32>)
      -> (tensor<?x4xf32>, tensor<?x4xi64>)
  return %values, %indices : tensor<?x4xf32>, tensor<?x4xi64>
}

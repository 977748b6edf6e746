func.func @main(%input: tensor<?x8xf32>)
    -> (tensor<?x8xf32>, tensor<?x8xi64>) {
  %values, %indices = s2s.top_k %input k(8) dim(1)
      : (tensor<?x8xf32>)
      -> (tensor<?x8xf32>, tensor<?x8xi64>)
  return %values, %indices : tensor<?x8xf32>, tensor<?x8xi64>
}

func.func @main(%input: tensor<?x50xf32>)
    -> (tensor<?x5xf32>, tensor<?x5xi64>) {
  %values, %indices = s2s.top_k %input k(5) dim(-1)
      : (tensor<?x50xf32>)
      -> (tensor<?x5xf32>, tensor<?x5xi64>)
  return %values, %indices : tensor<?x5xf32>, tensor<?x5xi64>
}

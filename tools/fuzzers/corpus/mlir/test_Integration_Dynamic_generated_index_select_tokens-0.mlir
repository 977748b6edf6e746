func.func @main(%input: tensor<?x?xi64>, %indices: tensor<?xi64>)
    -> tensor<?x?xi64> {
  %output = s2s.index_select %input, %indices dim(0)
      : (tensor<?x?xi64>, tensor<?xi64>)
      -> tensor<?x?xi64>
  return %output : tensor<?x?xi64>
}

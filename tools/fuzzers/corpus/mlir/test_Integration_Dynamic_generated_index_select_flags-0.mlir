func.func @main(%input: tensor<?xi1>, %indices: tensor<?xi64>)
    -> tensor<?xi1> {
  %output = s2s.index_select %input, %indices dim(0)
      : (tensor<?xi1>, tensor<?xi64>)
      -> tensor<?xi1>
  return %output : tensor<?xi1>
}

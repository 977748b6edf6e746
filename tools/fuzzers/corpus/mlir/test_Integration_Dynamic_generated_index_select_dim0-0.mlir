func.func @main(%input: tensor<?x?x?xf32>, %indices: tensor<?xi64>)
    -> tensor<?x?x?xf32> {
  %output = s2s.index_select %input, %indices dim(0)
      : (tensor<?x?x?xf32>, tensor<?xi64>)
      -> tensor<?x?x?xf32>
  return %output : tensor<?x?x?xf32>
}

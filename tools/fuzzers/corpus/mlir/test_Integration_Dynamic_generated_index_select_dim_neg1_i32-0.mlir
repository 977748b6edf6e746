func.func @main(%input: tensor<?x?x?xf32>, %indices: tensor<?xi32>)
    -> tensor<?x?x?xf32> {
  %output = s2s.index_select %input, %indices dim(-1)
      : (tensor<?x?x?xf32>, tensor<?xi32>)
      -> tensor<?x?x?xf32>
  return %output : tensor<?x?x?xf32>
}

func.func @main(%input: tensor<?x?x?xf32>)
    -> tensor<?x?x?xf32> {
  %output = s2s.log_softmax %input dim(0)
      : (tensor<?x?x?xf32>)
      -> tensor<?x?x?xf32>
  return %output : tensor<?x?x?xf32>
}

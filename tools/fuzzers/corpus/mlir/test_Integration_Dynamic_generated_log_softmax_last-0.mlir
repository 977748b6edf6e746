func.func @main(%input: tensor<?x?xf32>)
    -> tensor<?x?xf32> {
  %output = s2s.log_softmax %input dim(-1)
      : (tensor<?x?xf32>)
      -> tensor<?x?xf32>
  return %output : tensor<?x?xf32>
}

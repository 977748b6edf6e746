func.func @main(%input: tensor<?x?xf32>)
    -> tensor<?xi64> {
  %output = s2s.argmax %input dim(-1)
      : (tensor<?x?xf32>)
      -> tensor<?xi64>
  return %output : tensor<?xi64>
}

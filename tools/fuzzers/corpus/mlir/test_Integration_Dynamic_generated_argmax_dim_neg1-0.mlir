func.func @main(%input: tensor<?x?x?xf32>)
    -> tensor<?x?xi64> {
  %output = s2s.argmax %input dim(-1)
      : (tensor<?x?x?xf32>)
      -> tensor<?x?xi64>
  return %output : tensor<?x?xi64>
}

func.func @main(%input: tensor<?x?x?xf32>)
    -> tensor<?x1x?xi64> {
  %output = s2s.argmax %input dim(1) keepdim
      : (tensor<?x?x?xf32>)
      -> tensor<?x1x?xi64>
  return %output : tensor<?x1x?xi64>
}

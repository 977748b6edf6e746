func.func @main(%input: tensor<6x11xf32>)
    -> tensor<6xi64> {
  %output = s2s.argmax %input dim(-1)
      : (tensor<6x11xf32>)
      -> tensor<6xi64>
  return %output : tensor<6xi64>
}

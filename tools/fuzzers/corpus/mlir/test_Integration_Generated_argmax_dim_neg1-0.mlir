func.func @main(%input: tensor<3x4x9xf32>)
    -> tensor<3x4xi64> {
  %output = s2s.argmax %input dim(-1)
      : (tensor<3x4x9xf32>)
      -> tensor<3x4xi64>
  return %output : tensor<3x4xi64>
}

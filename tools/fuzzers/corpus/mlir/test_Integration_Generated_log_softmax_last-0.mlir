func.func @main(%input: tensor<4x9xf32>)
    -> tensor<4x9xf32> {
  %output = s2s.log_softmax %input dim(-1)
      : (tensor<4x9xf32>)
      -> tensor<4x9xf32>
  return %output : tensor<4x9xf32>
}

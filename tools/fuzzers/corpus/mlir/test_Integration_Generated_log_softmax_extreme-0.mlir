func.func @main(%input: tensor<3x6xf32>)
    -> tensor<3x6xf32> {
  %output = s2s.log_softmax %input dim(1)
      : (tensor<3x6xf32>)
      -> tensor<3x6xf32>
  return %output : tensor<3x6xf32>
}

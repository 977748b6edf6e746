func.func @main(%input: tensor<5x3x4xf32>)
    -> tensor<5x3x4xf32> {
  %output = s2s.log_softmax %input dim(0)
      : (tensor<5x3x4xf32>)
      -> tensor<5x3x4xf32>
  return %output : tensor<5x3x4xf32>
}

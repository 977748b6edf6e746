func.func @main(%input: tensor<7x5xf32>)
    -> tensor<5xi64> {
  %output = s2s.argmax %input dim(0)
      : (tensor<7x5xf32>)
      -> tensor<5xi64>
  return %output : tensor<5xi64>
}

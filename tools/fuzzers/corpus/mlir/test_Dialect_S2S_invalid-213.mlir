func.func @argmax_empty_dim(%input: tensor<3x0xf32>) -> tensor<3xi64> {
  %0 = s2s.argmax %input dim(-1) : (tensor<3x0xf32>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

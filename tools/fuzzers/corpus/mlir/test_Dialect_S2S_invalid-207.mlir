func.func @argmax_integer_input(%input: tensor<3x15xi32>) {
  %0 = s2s.argmax %input dim(1) : (tensor<3x15xi32>) -> tensor<3xi64>
  return
}

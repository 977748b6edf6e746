func.func @argmax_result_shape(%input: tensor<2x3x15xf32>) {
  %0 = s2s.argmax %input dim(-2) : (tensor<2x3x15xf32>) -> tensor<2x15x1xi64>
  return
}

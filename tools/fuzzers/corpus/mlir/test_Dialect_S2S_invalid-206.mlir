func.func @argmax_dim_too_small(%input: tensor<3x15xf32>) {
  %0 = s2s.argmax %input dim(-3) : (tensor<3x15xf32>) -> tensor<3xi64>
  return
}

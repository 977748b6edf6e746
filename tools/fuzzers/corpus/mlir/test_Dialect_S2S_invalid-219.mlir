func.func @top_k_dim_too_small(%input: tensor<3x15xf32>) {
  %0:2 = s2s.top_k %input k(2) dim(-3)
      : (tensor<3x15xf32>) -> (tensor<3x2xf32>, tensor<3x2xi64>)
  return
}

func.func @top_k_too_many(%input: tensor<3x15xf32>) {
  %0:2 = s2s.top_k %input k(16) dim(-1)
      : (tensor<3x15xf32>) -> (tensor<3x16xf32>, tensor<3x16xi64>)
  return
}

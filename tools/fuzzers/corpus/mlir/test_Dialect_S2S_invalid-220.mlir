func.func @top_k_negative_k(%input: tensor<3x15xf32>) {
  %0:2 = s2s.top_k %input k(-1) dim(1)
      : (tensor<3x15xf32>) -> (tensor<3x1xf32>, tensor<3x1xi64>)
  return
}

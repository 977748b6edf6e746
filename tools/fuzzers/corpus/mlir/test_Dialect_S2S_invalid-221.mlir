func.func @top_k_result_shape(%input: tensor<3x15xf32>) {
  %0:2 = s2s.top_k %input k(2) dim(1)
      : (tensor<3x15xf32>) -> (tensor<2x15xf32>, tensor<2x15xi64>)
  return
}

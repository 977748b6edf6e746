func.func @top_k_dynamic_dim(%input: tensor<3x?xf32>) {
  %0:2 = s2s.top_k %input k(2) dim(1)
      : (tensor<3x?xf32>) -> (tensor<3x2xf32>, tensor<3x2xi64>)
  return
}

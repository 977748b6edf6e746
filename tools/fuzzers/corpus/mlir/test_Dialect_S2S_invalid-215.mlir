func.func @log_softmax_dim_too_large(%input: tensor<3x15xf32>) {
  %0 = s2s.log_softmax %input dim(2) : (tensor<3x15xf32>) -> tensor<3x15xf32>
  return
}

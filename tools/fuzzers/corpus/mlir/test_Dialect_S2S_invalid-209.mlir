func.func @argmax_result_keepdim(%input: tensor<3x15xf32>) {
  %0 = s2s.argmax %input dim(1) keepdim : (tensor<3x15xf32>) -> tensor<3xi64>
  return
}

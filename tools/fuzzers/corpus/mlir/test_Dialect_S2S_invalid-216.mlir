func.func @log_softmax_result_type(%input: tensor<3x15xf32>) {
  %0 = s2s.log_softmax %input dim(1) : (tensor<3x15xf32>) -> tensor<3x16xf32>
  return
}

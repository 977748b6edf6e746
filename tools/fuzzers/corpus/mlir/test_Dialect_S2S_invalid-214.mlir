func.func @log_softmax_rank_0(%input: tensor<f32>) {
  %0 = s2s.log_softmax %input dim(0) : (tensor<f32>) -> tensor<f32>
  return
}

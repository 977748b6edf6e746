func.func @argmax_rank_0(%input: tensor<f32>) {
  %0 = s2s.argmax %input dim(0) : (tensor<f32>) -> tensor<i64>
  return
}

func.func @argmax_nonempty(%logits: tensor<3x?xf32>) -> tensor<3xi64> {
  %token = s2s.argmax %logits dim(-1) : (tensor<3x?xf32>) -> tensor<3xi64>
  return %token : tensor<3xi64>
}

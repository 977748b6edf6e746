func.func @argmax(%logits: tensor<3x15xf32>) -> tensor<3xi64> {
  %token = s2s.argmax %logits dim(1) : (tensor<3x15xf32>) -> tensor<3xi64>
  return %token : tensor<3xi64>
}

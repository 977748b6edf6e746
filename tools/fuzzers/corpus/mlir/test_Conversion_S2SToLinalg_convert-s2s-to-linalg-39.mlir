func.func @log_softmax(%x: tensor<5x3xf32>) -> tensor<5x3xf32> {
  %y = s2s.log_softmax %x dim(0) : (tensor<5x3xf32>) -> tensor<5x3xf32>
  return %y : tensor<5x3xf32>
}

func.func @scale(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %y = arith.addf %x, %x : tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

func.func @pick(%x: tensor<2x3xf32>) -> (tensor<2xi64>, tensor<2xi1>) {
  %i = s2s.argmax %x dim(1) : (tensor<2x3xf32>) -> tensor<2xi64>
  %b = arith.constant dense<[true, false]> : tensor<2xi1>
  return %i, %b : tensor<2xi64>, tensor<2xi1>
}

func.func private @helper(%x: tensor<2xf32>) -> tensor<2xf32> {
  return %x : tensor<2xf32>
}

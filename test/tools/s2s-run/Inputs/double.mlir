// y = 2 * x, and a second public function so that --entry matters.
func.func @main(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %y = arith.addf %x, %x : tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

func.func @negate(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %y = arith.negf %x : tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

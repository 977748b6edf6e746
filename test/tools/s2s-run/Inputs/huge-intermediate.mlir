// A model whose intermediate (a [N, 4] broadcast of x, summed back to 4)
// takes 16 * N bytes; too-large.test writes N.
func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<NNNx4xf32>
  %b = linalg.broadcast ins(%x : tensor<4xf32>)
      outs(%e : tensor<NNNx4xf32>) dimensions = [0]
  %zero = arith.constant 0.0 : f32
  %e2 = tensor.empty() : tensor<4xf32>
  %z = linalg.fill ins(%zero : f32) outs(%e2 : tensor<4xf32>) -> tensor<4xf32>
  %r = linalg.reduce ins(%b : tensor<NNNx4xf32>) outs(%z : tensor<4xf32>)
      dimensions = [0]
    (%in: f32, %acc: f32) {
      %s = arith.addf %in, %acc : f32
      linalg.yield %s : f32
    }
  return %r : tensor<4xf32>
}

// The input of @main.
func.func @make() -> tensor<4xf32> {
  %x = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  return %x : tensor<4xf32>
}

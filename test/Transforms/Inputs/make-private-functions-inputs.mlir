// Inputs of s2s-to-llvm-private-functions.mlir: x, w = 2 I, b = 1.
func.func @main() -> (tensor<1x4xf32>, tensor<4x4xf32>, tensor<4xf32>) {
  %x = arith.constant dense<[[1.0, 2.0, 3.0, 4.0]]> : tensor<1x4xf32>
  %w = arith.constant dense<[[2.0, 0.0, 0.0, 0.0], [0.0, 2.0, 0.0, 0.0],
                             [0.0, 0.0, 2.0, 0.0], [0.0, 0.0, 0.0, 2.0]]>
      : tensor<4x4xf32>
  %b = arith.constant dense<1.0> : tensor<4xf32>
  return %x, %w, %b : tensor<1x4xf32>, tensor<4x4xf32>, tensor<4xf32>
}

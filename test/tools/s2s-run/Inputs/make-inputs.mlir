// Produces the .npy files the s2s-run tests feed back in: s2s-run writes
// each result of @make with --output.
func.func @make() -> (tensor<2x3xf32>, tensor<2x3xf64>, tensor<3x2xf32>,
                      tensor<2xi64>, tensor<2xi1>) {
  %a = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %b = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf64>
  %c = arith.constant dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>
  %d = arith.constant dense<[7, -9]> : tensor<2xi64>
  %e = arith.constant dense<[true, false]> : tensor<2xi1>
  return %a, %b, %c, %d, %e
      : tensor<2x3xf32>, tensor<2x3xf64>, tensor<3x2xf32>, tensor<2xi64>,
        tensor<2xi1>
}

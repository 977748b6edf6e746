// Inputs of gather-indices.test: a [4, 3] table and indices in range
// (one counted from the end), past the end, and before the start.
func.func @main() -> (tensor<4x3xf32>, tensor<2xi64>, tensor<2xi64>,
                      tensor<2xi64>) {
  %table = arith.constant dense<[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0],
      [6.0, 7.0, 8.0], [9.0, 10.0, 11.0]]> : tensor<4x3xf32>
  %ok = arith.constant dense<[-1, 2]> : tensor<2xi64>
  %big = arith.constant dense<[0, 3]> : tensor<2xi64>
  %neg = arith.constant dense<[-4, -5]> : tensor<2xi64>
  return %table, %ok, %big, %neg
      : tensor<4x3xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>
}

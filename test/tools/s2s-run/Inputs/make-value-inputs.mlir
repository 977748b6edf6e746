// Inputs of value-checks.test: token ids in and out of range of a 5-row
// table, and sequence lengths in and out of [0, 4] for 4 steps.
func.func @main() -> (tensor<2x2xi64>, tensor<2x2xi64>, tensor<2x2xi64>,
                      tensor<5x3xf32>, tensor<4x2x3xf32>, tensor<1x2x3xf32>,
                      tensor<1x2x2xf32>, tensor<2xi32>, tensor<2xi32>,
                      tensor<2xi32>) {
  %ok = arith.constant dense<[[0, 4], [2, 3]]> : tensor<2x2xi64>
  %big = arith.constant dense<[[0, 5], [2, 3]]> : tensor<2x2xi64>
  %neg = arith.constant dense<[[0, 1], [-1, 3]]> : tensor<2x2xi64>
  %table = arith.constant dense<[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0],
      [6.0, 7.0, 8.0], [9.0, 10.0, 11.0], [12.0, 13.0, 14.0]]>
      : tensor<5x3xf32>
  %x = arith.constant dense<0.5> : tensor<4x2x3xf32>
  %w_ih = arith.constant dense<0.25> : tensor<1x2x3xf32>
  %w_hh = arith.constant dense<-0.125> : tensor<1x2x2xf32>
  %lens_ok = arith.constant dense<[4, 0]> : tensor<2xi32>
  %lens_big = arith.constant dense<[5, 1]> : tensor<2xi32>
  %lens_neg = arith.constant dense<[2, -1]> : tensor<2xi32>
  return %ok, %big, %neg, %table, %x, %w_ih, %w_hh, %lens_ok, %lens_big,
      %lens_neg
      : tensor<2x2xi64>, tensor<2x2xi64>, tensor<2x2xi64>, tensor<5x3xf32>,
        tensor<4x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x2xf32>,
        tensor<2xi32>, tensor<2xi32>, tensor<2xi32>
}

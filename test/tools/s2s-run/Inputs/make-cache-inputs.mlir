// Inputs of value-checks.test for @cache: one new position, five (more
// than the capacity 4), an empty cache, positions 3 (the last that fits
// one position) and 4.
func.func @main() -> (tensor<1x1x2xf32>, tensor<1x5x2xf32>, tensor<1x4x2xf32>,
                      tensor<i64>, tensor<i64>) {
  %one = arith.constant dense<[[[7.0, 8.0]]]> : tensor<1x1x2xf32>
  %five = arith.constant dense<1.0> : tensor<1x5x2xf32>
  %cache = arith.constant dense<0.0> : tensor<1x4x2xf32>
  %three = arith.constant dense<3> : tensor<i64>
  %four = arith.constant dense<4> : tensor<i64>
  return %one, %five, %cache, %three, %four
      : tensor<1x1x2xf32>, tensor<1x5x2xf32>, tensor<1x4x2xf32>, tensor<i64>,
        tensor<i64>
}

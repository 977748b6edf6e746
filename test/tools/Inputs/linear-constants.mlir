// A model without arguments with one s2s.linear (install-plugin.test runs
// the example plugin's pass on it through s2s-run).
func.func @main() -> tensor<1x2xf32> {
  %x = arith.constant dense<[[1.0, 2.0, 3.0]]> : tensor<1x3xf32>
  %w = arith.constant dense<[[1.0, 0.0, 0.0], [0.0, 1.0, 1.0]]>
      : tensor<2x3xf32>
  %y = s2s.linear %x, %w : (tensor<1x3xf32>, tensor<2x3xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// A batch of no sentences for the decoders of examples/dates: src [5, 0]
// and src_lens [0]; and a budget of max_len = 0 steps (@zero).
func.func @main() -> (tensor<5x0xi64>, tensor<0xi64>) {
  %src = arith.constant dense<> : tensor<5x0xi64>
  %lens = arith.constant dense<> : tensor<0xi64>
  return %src, %lens : tensor<5x0xi64>, tensor<0xi64>
}

func.func @zero() -> tensor<i64> {
  %zero = arith.constant dense<0> : tensor<i64>
  return %zero : tensor<i64>
}

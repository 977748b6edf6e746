// The max_len arguments of the decoding tests: 12 (the date translator's
// capacity) and 7 (@main), 10 (the Transformer's capacity, @ten).
func.func @main() -> (tensor<i64>, tensor<i64>) {
  %twelve = arith.constant dense<12> : tensor<i64>
  %seven = arith.constant dense<7> : tensor<i64>
  return %twelve, %seven : tensor<i64>, tensor<i64>
}

func.func @ten() -> tensor<i64> {
  %ten = arith.constant dense<10> : tensor<i64>
  return %ten : tensor<i64>
}

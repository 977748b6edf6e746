func.func @recurrence_missing_cell(%x_gates: tensor<5x3x6xf32>,
    %w_hh: tensor<1x6x6xf32>) {
  %0:2 = "s2s.recurrence"(%x_gates, %w_hh)
      <{hidden_size = 6 : i64,
        operandSegmentSizes = array<i32: 1, 1, 0, 0, 0, 0>}>
      : (tensor<5x3x6xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

func.func @recurrence_result_batch_first(%x_gates: tensor<3x5x12xf32>,
    %w_hh: tensor<2x6x6xf32>) {
  %0:2 = s2s.recurrence rnn %x_gates, %w_hh hidden_size(6)
      direction bidirectional batch_first
      : (tensor<3x5x12xf32>, tensor<2x6x6xf32>)
      -> (tensor<5x3x12xf32>, tensor<2x3x6xf32>)
  return
}

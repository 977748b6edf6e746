func.func @recurrence_c0_rnn(%x_gates: tensor<5x3x6xf32>,
    %w_hh: tensor<1x6x6xf32>, %c0: tensor<1x3x6xf32>) {
  %0:2 = s2s.recurrence rnn %x_gates, %w_hh c0(%c0) hidden_size(6)
      : (tensor<5x3x6xf32>, tensor<1x6x6xf32>, tensor<1x3x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

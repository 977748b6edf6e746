func.func @recurrence_hidden_size_zero(%x_gates: tensor<5x3x0xf32>,
    %w_hh: tensor<1x0x0xf32>) {
  %0:2 = s2s.recurrence rnn %x_gates, %w_hh hidden_size(0)
      : (tensor<5x3x0xf32>, tensor<1x0x0xf32>)
      -> (tensor<5x3x0xf32>, tensor<1x3x0xf32>)
  return
}

func.func @recurrence_w_hh_num_directions(%x_gates: tensor<5x3x12xf32>,
    %w_hh: tensor<1x6x6xf32>) {
  %0:2 = s2s.recurrence rnn %x_gates, %w_hh hidden_size(6)
      direction bidirectional
      : (tensor<5x3x12xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x12xf32>, tensor<2x3x6xf32>)
  return
}

func.func @recurrence_seq_lens_float(%x_gates: tensor<5x3x6xf32>,
    %w_hh: tensor<1x6x6xf32>, %seq_lens: tensor<3xf32>) {
  %0:2 = s2s.recurrence rnn %x_gates, %w_hh seq_lens(%seq_lens) hidden_size(6)
      : (tensor<5x3x6xf32>, tensor<1x6x6xf32>, tensor<3xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

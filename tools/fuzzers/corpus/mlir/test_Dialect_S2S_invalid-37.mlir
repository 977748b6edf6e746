func.func @recurrence_x_gates_shape(%x_gates: tensor<5x3x7xf32>,
    %w_hh: tensor<1x6x6xf32>) {
  %0:2 = s2s.recurrence rnn %x_gates, %w_hh hidden_size(6)
      : (tensor<5x3x7xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

func.func @recurrence_lstm_two_results(%x_gates: tensor<5x3x24xf32>,
    %w_hh: tensor<1x24x6xf32>) {
  %0:2 = s2s.recurrence lstm %x_gates, %w_hh hidden_size(6)
      : (tensor<5x3x24xf32>, tensor<1x24x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

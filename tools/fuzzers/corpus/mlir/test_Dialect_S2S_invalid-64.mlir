func.func @recurrence_gru_three_results(%x_gates: tensor<5x3x18xf32>,
    %w_hh: tensor<1x18x6xf32>) {
  %0:3 = s2s.recurrence gru %x_gates, %w_hh hidden_size(6)
      : (tensor<5x3x18xf32>, tensor<1x18x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

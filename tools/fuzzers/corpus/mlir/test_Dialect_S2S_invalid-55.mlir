func.func @recurrence_activation_gru(%x_gates: tensor<5x3x18xf32>,
    %w_hh: tensor<1x18x6xf32>) {
  %0:2 = s2s.recurrence gru %x_gates, %w_hh hidden_size(6) activation relu
      : (tensor<5x3x18xf32>, tensor<1x18x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

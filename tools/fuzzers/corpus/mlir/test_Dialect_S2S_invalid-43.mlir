func.func @recurrence_b_hh_shape(%x_gates: tensor<5x3x18xf32>,
    %w_hh: tensor<1x18x6xf32>, %b_hh: tensor<1x6xf32>) {
  %0:2 = s2s.recurrence gru %x_gates, %w_hh b_hh(%b_hh) hidden_size(6)
      : (tensor<5x3x18xf32>, tensor<1x18x6xf32>, tensor<1x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

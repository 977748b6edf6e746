func.func @recurrence_w_hh_element_type(%x_gates: tensor<5x3x18xf32>,
    %w_hh: tensor<1x18x6xf16>) {
  %0:2 = s2s.recurrence gru %x_gates, %w_hh hidden_size(6)
      : (tensor<5x3x18xf32>, tensor<1x18x6xf16>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

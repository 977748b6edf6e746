func.func @recurrence_hidden_size_negative(%x_gates: tensor<5x3x24xf32>,
    %w_hh: tensor<1x24x6xf32>) {
  %0:3 = s2s.recurrence lstm %x_gates, %w_hh hidden_size(-6)
      : (tensor<5x3x24xf32>, tensor<1x24x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

func.func @recurrence_unknown_cell(%x_gates: tensor<5x3x6xf32>,
    %w_hh: tensor<1x6x6xf32>) {
  %0:2 = s2s.recurrence elman %x_gates, %w_hh hidden_size(6)
      : (tensor<5x3x6xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

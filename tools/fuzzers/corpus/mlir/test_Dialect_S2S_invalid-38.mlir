func.func @recurrence_x_gates_num_directions(%x_gates: tensor<5x3x24xf32>,
    %w_hh: tensor<2x24x6xf32>) {
  %0:3 = s2s.recurrence lstm %x_gates, %w_hh hidden_size(6)
      direction bidirectional
      : (tensor<5x3x24xf32>, tensor<2x24x6xf32>)
      -> (tensor<5x3x12xf32>, tensor<2x3x6xf32>, tensor<2x3x6xf32>)
  return
}

func.func @recurrence_x_gates_shape_batch_first(%x_gates: tensor<3x5x6xf32>,
    %w_hh: tensor<1x18x6xf32>) {
  %0:2 = s2s.recurrence gru %x_gates, %w_hh hidden_size(6) batch_first
      : (tensor<3x5x6xf32>, tensor<1x18x6xf32>)
      -> (tensor<3x5x6xf32>, tensor<1x3x6xf32>)
  return
}

func.func @recurrence_h0_batch_first(%x_gates: tensor<3x5x18xf32>,
    %w_hh: tensor<1x18x6xf32>, %h0: tensor<1x5x6xf32>) {
  %0:2 = s2s.recurrence gru %x_gates, %w_hh h0(%h0) hidden_size(6) batch_first
      : (tensor<3x5x18xf32>, tensor<1x18x6xf32>, tensor<1x5x6xf32>)
      -> (tensor<3x5x6xf32>, tensor<1x3x6xf32>)
  return
}

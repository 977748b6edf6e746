func.func @recurrence_seq_lens_shape(%x_gates: tensor<3x5x24xf32>,
    %w_hh: tensor<1x24x6xf32>, %seq_lens: tensor<5xi64>) {
  %0:3 = s2s.recurrence lstm %x_gates, %w_hh seq_lens(%seq_lens) hidden_size(6)
      batch_first
      : (tensor<3x5x24xf32>, tensor<1x24x6xf32>, tensor<5xi64>)
      -> (tensor<3x5x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

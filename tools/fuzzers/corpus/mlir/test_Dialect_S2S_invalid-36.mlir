func.func @gru_result_num_directions(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<2x18x4xf32>, %w_hh: tensor<2x18x6xf32>) {
  %0:2 = s2s.gru %x, %w_ih, %w_hh hidden_size(6) direction bidirectional
      : (tensor<5x3x4xf32>, tensor<2x18x4xf32>, tensor<2x18x6xf32>)
      -> (tensor<5x3x12xf32>, tensor<1x3x6xf32>)
  return
}

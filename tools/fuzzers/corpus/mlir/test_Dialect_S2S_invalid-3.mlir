func.func @gru_w_ih_gates(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x24x4xf32>,
    %w_hh: tensor<1x18x6xf32>) {
  %0:2 = s2s.gru %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x18x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

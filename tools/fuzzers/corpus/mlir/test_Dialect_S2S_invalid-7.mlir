func.func @gru_clip_not_positive(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x18x4xf32>, %w_hh: tensor<1x18x6xf32>) {
  %0:2 = s2s.gru %x, %w_ih, %w_hh hidden_size(6) clip(-1.0)
      : (tensor<5x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

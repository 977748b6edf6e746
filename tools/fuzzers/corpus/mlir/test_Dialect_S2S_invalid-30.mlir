func.func @lstm_hidden_size_negative(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x24x4xf32>, %w_hh: tensor<1x24x6xf32>) {
  %0:3 = s2s.lstm %x, %w_ih, %w_hh hidden_size(-6)
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

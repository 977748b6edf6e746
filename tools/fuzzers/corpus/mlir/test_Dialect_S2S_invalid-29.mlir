func.func @rnn_hidden_size_zero(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x0x4xf32>,
    %w_hh: tensor<1x0x0xf32>) {
  %0:2 = s2s.rnn %x, %w_ih, %w_hh hidden_size(0)
      : (tensor<5x3x4xf32>, tensor<1x0x4xf32>, tensor<1x0x0xf32>)
      -> (tensor<5x3x0xf32>, tensor<1x3x0xf32>)
  return
}

func.func @rnn_x_rank(%x: tensor<5x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>) {
  %0:2 = s2s.rnn %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<5x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

func.func @rnn_result_bidirectional(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<2x6x4xf32>, %w_hh: tensor<2x6x6xf32>) {
  %0:2 = s2s.rnn %x, %w_ih, %w_hh hidden_size(6) direction bidirectional
      : (tensor<5x3x4xf32>, tensor<2x6x4xf32>, tensor<2x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<2x3x6xf32>)
  return
}

func.func @rnn_b_ih_without_b_hh(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x6x4xf32>, %w_hh: tensor<1x6x6xf32>, %b_ih: tensor<1x6xf32>)
    {
  %0:2 = s2s.rnn %x, %w_ih, %w_hh b_ih(%b_ih) hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>,
      tensor<1x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

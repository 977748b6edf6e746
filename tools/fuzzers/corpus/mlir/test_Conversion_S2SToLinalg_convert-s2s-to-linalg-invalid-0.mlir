func.func @rnn_dynamic_input_size(%x: tensor<5x3x?xf32>,
    %w_ih: tensor<1x6x4xf32>, %w_hh: tensor<1x6x6xf32>)
    -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<5x3x?xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

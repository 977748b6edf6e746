func.func @stacked_layers(%x: tensor<5x3x4xf32>, %w_ih0: tensor<1x6x4xf32>,
    %w_hh0: tensor<1x6x6xf32>, %w_ih1: tensor<1x6x6xf32>,
    %w_hh1: tensor<1x6x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y0, %h_n0 = s2s.rnn %x, %w_ih0, %w_hh0 hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  %y1, %h_n1 = s2s.rnn %y0, %w_ih1, %w_hh1 hidden_size(6)
      : (tensor<5x3x6xf32>, tensor<1x6x6xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y1, %h_n1 : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

func.func @rnn_relu_biases_h0(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>, %b_ih: tensor<1x6xf32>, %b_hh: tensor<1x6xf32>,
    %h0: tensor<1x3x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      hidden_size(6) activation relu
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>,
         tensor<1x6xf32>, tensor<1x6xf32>, tensor<1x3x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

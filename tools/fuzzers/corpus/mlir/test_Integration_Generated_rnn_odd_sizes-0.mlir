func.func @main(%x: tensor<6x5x7xf32>, %w_ih: tensor<1x13x7xf32>,
    %w_hh: tensor<1x13x13xf32>, %b_ih: tensor<1x13xf32>,
    %b_hh: tensor<1x13xf32>, %h0: tensor<1x5x13xf32>)
    -> (tensor<6x5x13xf32>, tensor<1x5x13xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      hidden_size(13) direction forward activation tanh
      : (tensor<6x5x7xf32>, tensor<1x13x7xf32>, tensor<1x13x13xf32>,
         tensor<1x13xf32>, tensor<1x13xf32>, tensor<1x5x13xf32>)
      -> (tensor<6x5x13xf32>, tensor<1x5x13xf32>)
  return %y, %h_n : tensor<6x5x13xf32>, tensor<1x5x13xf32>
}

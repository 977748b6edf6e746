func.func @main(%x: tensor<?x?x4xf32>, %w_ih: tensor<1x3x4xf32>,
    %w_hh: tensor<1x3x3xf32>, %b_ih: tensor<1x3xf32>, %b_hh: tensor<1x3xf32>,
    %h0: tensor<1x?x3xf32>)
    -> (tensor<?x?x3xf32>, tensor<1x?x3xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      hidden_size(3) direction forward activation tanh
      : (tensor<?x?x4xf32>, tensor<1x3x4xf32>, tensor<1x3x3xf32>,
         tensor<1x3xf32>, tensor<1x3xf32>, tensor<1x?x3xf32>)
      -> (tensor<?x?x3xf32>, tensor<1x?x3xf32>)
  return %y, %h_n : tensor<?x?x3xf32>, tensor<1x?x3xf32>
}

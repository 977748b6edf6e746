func.func @dynamic_steps(%x: tensor<?x?x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>) -> (tensor<?x?x6xf32>, tensor<1x?x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<?x?x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<?x?x6xf32>, tensor<1x?x6xf32>)
  return %y, %h_n : tensor<?x?x6xf32>, tensor<1x?x6xf32>
}

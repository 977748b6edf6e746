func.func @main(%x: tensor<?x?x5xf32>, %w_ih: tensor<2x6x5xf32>,
    %w_hh: tensor<2x6x6xf32>, %b_ih: tensor<2x6xf32>, %b_hh: tensor<2x6xf32>,
    %h0: tensor<2x?x6xf32>)
    -> (tensor<?x?x12xf32>, tensor<2x?x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      hidden_size(6) direction bidirectional
      : (tensor<?x?x5xf32>, tensor<2x6x5xf32>, tensor<2x6x6xf32>,
         tensor<2x6xf32>, tensor<2x6xf32>, tensor<2x?x6xf32>)
      -> (tensor<?x?x12xf32>, tensor<2x?x6xf32>)
  return %y, %h_n : tensor<?x?x12xf32>, tensor<2x?x6xf32>
}

func.func @main(%x: tensor<?x?x4xf32>, %w_ih: tensor<2x6x4xf32>,
    %w_hh: tensor<2x6x6xf32>, %b_ih: tensor<2x6xf32>, %b_hh: tensor<2x6xf32>,
    %seq_lens: tensor<?xi32>)
    -> (tensor<?x?x12xf32>, tensor<2x?x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      seq_lens(%seq_lens) hidden_size(6) direction bidirectional batch_first
      : (tensor<?x?x4xf32>, tensor<2x6x4xf32>, tensor<2x6x6xf32>,
         tensor<2x6xf32>, tensor<2x6xf32>, tensor<?xi32>)
      -> (tensor<?x?x12xf32>, tensor<2x?x6xf32>)
  return %y, %h_n : tensor<?x?x12xf32>, tensor<2x?x6xf32>
}

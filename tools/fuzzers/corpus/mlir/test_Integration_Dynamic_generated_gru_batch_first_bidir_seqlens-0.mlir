func.func @main(%x: tensor<?x?x5xf32>, %w_ih: tensor<2x21x5xf32>,
    %w_hh: tensor<2x21x7xf32>, %b_ih: tensor<2x21xf32>, %b_hh: tensor<2x21xf32>,
    %h0: tensor<2x?x7xf32>, %seq_lens: tensor<?xi64>)
    -> (tensor<?x?x14xf32>, tensor<2x?x7xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      seq_lens(%seq_lens) hidden_size(7) direction bidirectional batch_first
      : (tensor<?x?x5xf32>, tensor<2x21x5xf32>, tensor<2x21x7xf32>,
         tensor<2x21xf32>, tensor<2x21xf32>, tensor<2x?x7xf32>, tensor<?xi64>)
      -> (tensor<?x?x14xf32>, tensor<2x?x7xf32>)
  return %y, %h_n : tensor<?x?x14xf32>, tensor<2x?x7xf32>
}

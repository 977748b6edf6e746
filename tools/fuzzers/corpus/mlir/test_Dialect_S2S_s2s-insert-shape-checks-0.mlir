func.func @gru_h0_batch(%x: tensor<?x?x4xf32>, %w_ih: tensor<1x12x4xf32>,
    %w_hh: tensor<1x12x4xf32>, %h0: tensor<1x?x4xf32>,
    %seq_lens: tensor<?xi64>) -> tensor<?x?x4xf32> {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh h0(%h0) seq_lens(%seq_lens)
      hidden_size(4)
      : (tensor<?x?x4xf32>, tensor<1x12x4xf32>, tensor<1x12x4xf32>,
         tensor<1x?x4xf32>, tensor<?xi64>)
      -> (tensor<?x?x4xf32>, tensor<1x?x4xf32>)
  return %y : tensor<?x?x4xf32>
}

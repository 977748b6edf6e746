func.func @seq_lens(%x: tensor<?x?x3xf32>, %w_ih: tensor<1x6x3xf32>,
                    %w_hh: tensor<1x6x2xf32>, %lens: tensor<?xi32>,
                    %w_ih4: tensor<1x8x3xf32>, %w_hh4: tensor<1x8x2xf32>)
    -> (tensor<?x?x2xf32>, tensor<?x?x2xf32>) {
  %y, %h = s2s.gru %x, %w_ih, %w_hh seq_lens(%lens) hidden_size(2)
      batch_first
      : (tensor<?x?x3xf32>, tensor<1x6x3xf32>, tensor<1x6x2xf32>,
         tensor<?xi32>) -> (tensor<?x?x2xf32>, tensor<1x?x2xf32>)
  %y2, %h2, %c2 = s2s.lstm %x, %w_ih4, %w_hh4 hidden_size(2)
      : (tensor<?x?x3xf32>, tensor<1x8x3xf32>, tensor<1x8x2xf32>)
      -> (tensor<?x?x2xf32>, tensor<1x?x2xf32>, tensor<1x?x2xf32>)
  return %y, %y2 : tensor<?x?x2xf32>, tensor<?x?x2xf32>
}

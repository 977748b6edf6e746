func.func @lstm_batch_first(%x: tensor<?x?x4xf32>, %w_ih: tensor<1x16x4xf32>,
    %w_hh: tensor<1x16x4xf32>, %h0: tensor<1x?x4xf32>, %c0: tensor<1x?x4xf32>)
    -> tensor<?x?x4xf32> {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh h0(%h0) c0(%c0) hidden_size(4)
      batch_first
      : (tensor<?x?x4xf32>, tensor<1x16x4xf32>, tensor<1x16x4xf32>,
         tensor<1x?x4xf32>, tensor<1x?x4xf32>)
      -> (tensor<?x?x4xf32>, tensor<1x?x4xf32>, tensor<1x?x4xf32>)
  return %y : tensor<?x?x4xf32>
}

func.func @lstm_mixed_seq_lens(%x: tensor<10x16x32xf32>,
    %w_ih: tensor<1x128x32xf32>, %w_hh: tensor<1x128x32xf32>,
    %seq_lens: tensor<?xi64>) -> tensor<10x16x32xf32> {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh seq_lens(%seq_lens)
      hidden_size(32)
      : (tensor<10x16x32xf32>, tensor<1x128x32xf32>, tensor<1x128x32xf32>,
         tensor<?xi64>)
      -> (tensor<10x16x32xf32>, tensor<1x16x32xf32>, tensor<1x16x32xf32>)
  return %y : tensor<10x16x32xf32>
}

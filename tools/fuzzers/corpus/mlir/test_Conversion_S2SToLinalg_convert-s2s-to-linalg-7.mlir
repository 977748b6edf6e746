func.func @lstm_reverse_seq_lens(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x24x4xf32>, %w_hh: tensor<1x24x6xf32>,
    %seq_lens: tensor<3xi64>)
    -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh seq_lens(%seq_lens)
      hidden_size(6) direction reverse
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>,
         tensor<3xi64>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n, %c_n
      : tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>
}

func.func @lstm_seq_lens(%x: tensor<5x8x8xf32>, %w_ih: tensor<1x128x8xf32>,
    %w_hh: tensor<1x128x32xf32>, %lens: tensor<8xi64>)
    -> (tensor<5x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh seq_lens(%lens) hidden_size(32)
      : (tensor<5x8x8xf32>, tensor<1x128x8xf32>, tensor<1x128x32xf32>, tensor<8xi64>)
      -> (tensor<5x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>)
  return %y, %h_n, %c_n : tensor<5x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>
}

func.func @lstm_seq_lens_dynamic(%x: tensor<?x?x8xf32>,
    %w_ih: tensor<1x128x8xf32>, %w_hh: tensor<1x128x32xf32>,
    %lens: tensor<?xi64>)
    -> (tensor<?x?x32xf32>, tensor<1x?x32xf32>, tensor<1x?x32xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh seq_lens(%lens) hidden_size(32)
      : (tensor<?x?x8xf32>, tensor<1x128x8xf32>, tensor<1x128x32xf32>, tensor<?xi64>)
      -> (tensor<?x?x32xf32>, tensor<1x?x32xf32>, tensor<1x?x32xf32>)
  return %y, %h_n, %c_n : tensor<?x?x32xf32>, tensor<1x?x32xf32>, tensor<1x?x32xf32>
}

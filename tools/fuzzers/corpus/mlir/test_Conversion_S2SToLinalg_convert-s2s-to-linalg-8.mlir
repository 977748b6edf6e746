func.func @lstm_long_sequence(%x: tensor<1000x2x8xf32>,
    %w_ih: tensor<1x64x8xf32>, %w_hh: tensor<1x64x16xf32>)
    -> (tensor<1000x2x16xf32>, tensor<1x2x16xf32>, tensor<1x2x16xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh hidden_size(16)
      : (tensor<1000x2x8xf32>, tensor<1x64x8xf32>, tensor<1x64x16xf32>)
      -> (tensor<1000x2x16xf32>, tensor<1x2x16xf32>, tensor<1x2x16xf32>)
  return %y, %h_n, %c_n
      : tensor<1000x2x16xf32>, tensor<1x2x16xf32>, tensor<1x2x16xf32>
}

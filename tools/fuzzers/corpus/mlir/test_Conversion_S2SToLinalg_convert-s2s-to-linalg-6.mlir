func.func @lstm_forward(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x24x4xf32>,
    %w_hh: tensor<1x24x6xf32>, %h0: tensor<1x3x6xf32>, %c0: tensor<1x3x6xf32>)
    -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh h0(%h0) c0(%c0) hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>,
         tensor<1x3x6xf32>, tensor<1x3x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n, %c_n
      : tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>
}

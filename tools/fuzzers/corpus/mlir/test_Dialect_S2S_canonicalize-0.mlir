func.func @lstm_default_states(%x: tensor<5x2x4xf32>, %w_ih: tensor<1x32x4xf32>,
    %w_hh: tensor<1x32x8xf32>) -> tensor<5x2x8xf32> {
  %zero = arith.constant dense<0.0> : tensor<1x2x8xf32>
  %full = arith.constant dense<5> : tensor<2xi64>
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh h0(%zero) c0(%zero)
      seq_lens(%full) hidden_size(8)
      : (tensor<5x2x4xf32>, tensor<1x32x4xf32>, tensor<1x32x8xf32>,
         tensor<1x2x8xf32>, tensor<1x2x8xf32>, tensor<2xi64>)
      -> (tensor<5x2x8xf32>, tensor<1x2x8xf32>, tensor<1x2x8xf32>)
  return %y : tensor<5x2x8xf32>
}

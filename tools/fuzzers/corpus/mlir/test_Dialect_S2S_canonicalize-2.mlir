func.func @recurrence_zero_state(%x_gates: tensor<5x2x8xf32>,
    %w_hh: tensor<1x8x8xf32>) -> tensor<5x2x8xf32> {
  %zero = arith.constant dense<0.0> : tensor<1x2x8xf32>
  %y, %h_n = s2s.recurrence rnn %x_gates, %w_hh h0(%zero) hidden_size(8)
      : (tensor<5x2x8xf32>, tensor<1x8x8xf32>, tensor<1x2x8xf32>)
      -> (tensor<5x2x8xf32>, tensor<1x2x8xf32>)
  return %y : tensor<5x2x8xf32>
}

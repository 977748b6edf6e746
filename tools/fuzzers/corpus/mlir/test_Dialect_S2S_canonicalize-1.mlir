func.func @negative_gru_states_kept(%x: tensor<2x5x4xf32>,
    %w_ih: tensor<1x24x4xf32>, %w_hh: tensor<1x24x8xf32>)
    -> tensor<2x5x8xf32> {
  %minus_zero = arith.constant dense<-0.0> : tensor<1x2x8xf32>
  %short = arith.constant dense<4> : tensor<2xi64>
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh h0(%minus_zero) seq_lens(%short)
      hidden_size(8) batch_first
      : (tensor<2x5x4xf32>, tensor<1x24x4xf32>, tensor<1x24x8xf32>,
         tensor<1x2x8xf32>, tensor<2xi64>)
      -> (tensor<2x5x8xf32>, tensor<1x2x8xf32>)
  return %y : tensor<2x5x8xf32>
}
func.func @gru_batch_first_full_length(%x: tensor<2x5x4xf32>,
    %w_ih: tensor<1x24x4xf32>, %w_hh: tensor<1x24x8xf32>)
    -> tensor<2x5x8xf32> {
  %full = arith.constant dense<5> : tensor<2xi32>
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh seq_lens(%full) hidden_size(8)
      batch_first
      : (tensor<2x5x4xf32>, tensor<1x24x4xf32>, tensor<1x24x8xf32>,
         tensor<2xi32>)
      -> (tensor<2x5x8xf32>, tensor<1x2x8xf32>)
  return %y : tensor<2x5x8xf32>
}

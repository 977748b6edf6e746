func.func @main(%x: tensor<6x3x4xf32>, %w_ih: tensor<1x12x4xf32>,
    %w_hh: tensor<1x12x4xf32>, %b_ih: tensor<1x12xf32>, %b_hh: tensor<1x12xf32>,
    %h0: tensor<1x3x4xf32>, %seq_lens: tensor<3xi64>)
    -> (tensor<6x3x4xf32>, tensor<1x3x4xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      seq_lens(%seq_lens) hidden_size(4) direction forward
      linear_before_reset(true)
      : (tensor<6x3x4xf32>, tensor<1x12x4xf32>, tensor<1x12x4xf32>,
         tensor<1x12xf32>, tensor<1x12xf32>, tensor<1x3x4xf32>, tensor<3xi64>)
      -> (tensor<6x3x4xf32>, tensor<1x3x4xf32>)
  return %y, %h_n : tensor<6x3x4xf32>, tensor<1x3x4xf32>
}

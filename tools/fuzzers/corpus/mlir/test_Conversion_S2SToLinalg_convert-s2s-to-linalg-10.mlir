func.func @gru_reset_before_linear(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x18x4xf32>, %w_hh: tensor<1x18x6xf32>,
    %b_ih: tensor<1x18xf32>, %b_hh: tensor<1x18xf32>)
    -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) hidden_size(6)
      linear_before_reset(false)
      : (tensor<5x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>,
         tensor<1x18xf32>, tensor<1x18xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

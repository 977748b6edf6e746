func.func @gru_bidirectional_linear_before_reset_false(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<2x18x4xf32>, %w_hh: tensor<2x18x6xf32>,
    %b_ih: tensor<2x18xf32>, %b_hh: tensor<2x18xf32>, %h0: tensor<2x3x6xf32>)
    -> (tensor<5x3x12xf32>, tensor<2x3x6xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      hidden_size(6) direction bidirectional linear_before_reset(false)
      : (tensor<5x3x4xf32>, tensor<2x18x4xf32>, tensor<2x18x6xf32>,
          tensor<2x18xf32>, tensor<2x18xf32>, tensor<2x3x6xf32>)
      -> (tensor<5x3x12xf32>, tensor<2x3x6xf32>)
  return %y, %h_n : tensor<5x3x12xf32>, tensor<2x3x6xf32>
}

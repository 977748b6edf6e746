func.func @gru_b_hh_shape(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x18x4xf32>,
    %w_hh: tensor<1x18x6xf32>, %b_ih: tensor<1x18xf32>, %b_hh: tensor<2x18xf32>)
    {
  %0:2 = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>,
      tensor<1x18xf32>, tensor<2x18xf32>) -> (tensor<5x3x6xf32>,
      tensor<1x3x6xf32>)
  return
}

func.func @gru_cell_b_ih_rank(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %w_ih: tensor<18x4xf32>, %w_hh: tensor<18x6xf32>, %b_ih: tensor<1x18xf32>,
    %b_hh: tensor<1x18xf32>) {
  %0 = s2s.gru_cell %x, %h, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      : (tensor<3x4xf32>, tensor<3x6xf32>, tensor<18x4xf32>, tensor<18x6xf32>,
      tensor<1x18xf32>, tensor<1x18xf32>) -> tensor<3x6xf32>
  return
}

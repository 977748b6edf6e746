func.func @gru_cell_w_hh_shape(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %w_ih: tensor<18x4xf32>, %w_hh: tensor<18x4xf32>) {
  %0 = s2s.gru_cell %x, %h, %w_ih, %w_hh
      : (tensor<3x4xf32>, tensor<3x6xf32>, tensor<18x4xf32>, tensor<18x4xf32>)
      -> tensor<3x6xf32>
  return
}

func.func @gru_cell_h_element_type(%x: tensor<3x4xf32>, %h: tensor<3x6xf16>,
    %w_ih: tensor<18x4xf32>, %w_hh: tensor<18x6xf32>) {
  %0 = s2s.gru_cell %x, %h, %w_ih, %w_hh
      : (tensor<3x4xf32>, tensor<3x6xf16>, tensor<18x4xf32>, tensor<18x6xf32>)
      -> tensor<3x6xf16>
  return
}

func.func @gru_cell_w_ih_element_type(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %w_ih: tensor<18x4xbf16>, %w_hh: tensor<18x6xf32>) {
  %0 = s2s.gru_cell %x, %h, %w_ih, %w_hh : (tensor<3x4xf32>, tensor<3x6xf32>,
      tensor<18x4xbf16>, tensor<18x6xf32>) -> tensor<3x6xf32>
  return
}

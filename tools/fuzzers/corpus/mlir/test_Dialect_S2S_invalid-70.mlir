func.func @lstm_cell_c_element_type(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %c: tensor<3x6xf64>, %w_ih: tensor<24x4xf32>, %w_hh: tensor<24x6xf32>) {
  %0:2 = s2s.lstm_cell %x, %h, %c, %w_ih, %w_hh : (tensor<3x4xf32>,
      tensor<3x6xf32>, tensor<3x6xf64>, tensor<24x4xf32>, tensor<24x6xf32>)
      -> (tensor<3x6xf32>, tensor<3x6xf32>)
  return
}

func.func @lstm_cell_b_ih_without_b_hh(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %c: tensor<3x6xf32>, %w_ih: tensor<24x4xf32>, %w_hh: tensor<24x6xf32>,
    %b_ih: tensor<24xf32>) {
  %0:2 = s2s.lstm_cell %x, %h, %c, %w_ih, %w_hh b_ih(%b_ih) : (tensor<3x4xf32>,
      tensor<3x6xf32>, tensor<3x6xf32>, tensor<24x4xf32>, tensor<24x6xf32>,
      tensor<24xf32>) -> (tensor<3x6xf32>, tensor<3x6xf32>)
  return
}

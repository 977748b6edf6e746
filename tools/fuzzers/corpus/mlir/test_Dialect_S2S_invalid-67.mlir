func.func @rnn_cell_h_batch(%x: tensor<3x4xf32>, %h: tensor<2x6xf32>,
    %w_ih: tensor<6x4xf32>, %w_hh: tensor<6x6xf32>) {
  %0 = s2s.rnn_cell %x, %h, %w_ih, %w_hh
      : (tensor<3x4xf32>, tensor<2x6xf32>, tensor<6x4xf32>, tensor<6x6xf32>)
      -> tensor<2x6xf32>
  return
}

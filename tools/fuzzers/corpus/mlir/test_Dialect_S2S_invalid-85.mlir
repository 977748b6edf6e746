func.func @rnn_cell_result_type(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %w_ih: tensor<6x4xf32>, %w_hh: tensor<6x6xf32>) {
  %0 = s2s.rnn_cell %x, %h, %w_ih, %w_hh
      : (tensor<3x4xf32>, tensor<3x6xf32>, tensor<6x4xf32>, tensor<6x6xf32>)
      -> tensor<3x6xf16>
  return
}

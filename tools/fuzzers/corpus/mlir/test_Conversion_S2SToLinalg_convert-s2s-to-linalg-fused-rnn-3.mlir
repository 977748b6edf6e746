func.func @lstm_cell(%x: tensor<2x8xf32>, %h: tensor<2x16xf32>,
    %c: tensor<2x16xf32>, %w_ih: tensor<64x8xf32>, %w_hh: tensor<64x16xf32>)
    -> (tensor<2x16xf32>, tensor<2x16xf32>) {
  %h1, %c1 = s2s.lstm_cell %x, %h, %c, %w_ih, %w_hh
      : (tensor<2x8xf32>, tensor<2x16xf32>, tensor<2x16xf32>, tensor<64x8xf32>, tensor<64x16xf32>)
      -> (tensor<2x16xf32>, tensor<2x16xf32>)
  return %h1, %c1 : tensor<2x16xf32>, tensor<2x16xf32>
}

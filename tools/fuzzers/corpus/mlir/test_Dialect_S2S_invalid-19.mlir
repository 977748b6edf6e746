func.func @lstm_h0_num_directions(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<2x24x4xf32>, %w_hh: tensor<2x24x6xf32>,
    %h0: tensor<1x3x6xf32>) {
  %0:3 = s2s.lstm %x, %w_ih, %w_hh h0(%h0) hidden_size(6)
      direction bidirectional : (tensor<5x3x4xf32>, tensor<2x24x4xf32>,
      tensor<2x24x6xf32>, tensor<1x3x6xf32>) -> (tensor<5x3x12xf32>,
      tensor<2x3x6xf32>, tensor<2x3x6xf32>)
  return
}

func.func @lstm_peepholes_shape(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x24x4xf32>,
    %w_hh: tensor<1x24x6xf32>, %p: tensor<1x12xf32>) {
  %0:3 = s2s.lstm %x, %w_ih, %w_hh peepholes(%p) hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>,
         tensor<1x12xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

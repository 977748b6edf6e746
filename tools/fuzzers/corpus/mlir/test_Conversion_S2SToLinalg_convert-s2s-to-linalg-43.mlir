func.func @lstm_peepholes_clip(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x24x4xf32>,
    %w_hh: tensor<1x24x6xf32>, %p: tensor<1x18xf32>)
    -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh peepholes(%p) hidden_size(6)
      clip(3.0)
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>,
         tensor<1x18xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n, %c_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>,
      tensor<1x3x6xf32>
}

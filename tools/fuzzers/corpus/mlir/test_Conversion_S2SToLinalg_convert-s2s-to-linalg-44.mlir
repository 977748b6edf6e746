func.func @gru_rnn_clip(%x: tensor<5x3x4xf32>, %rw_ih: tensor<1x6x4xf32>,
    %rw_hh: tensor<1x6x6xf32>, %gw_ih: tensor<1x18x4xf32>,
    %gw_hh: tensor<1x18x6xf32>) -> (tensor<5x3x6xf32>, tensor<5x3x6xf32>) {
  %ry, %rh = s2s.rnn %x, %rw_ih, %rw_hh hidden_size(6) clip(0.5)
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  %gy, %gh = s2s.gru %x, %gw_ih, %gw_hh hidden_size(6) clip(2.0)
      : (tensor<5x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %ry, %gy : tensor<5x3x6xf32>, tensor<5x3x6xf32>
}

func.func @negative_lstm_peepholes_clip(%x: tensor<12x3x4xf32>,
    %w_ih: tensor<1x24x4xf32>, %w_hh: tensor<1x24x6xf32>,
    %p: tensor<1x18xf32>, %gw_ih: tensor<1x18x4xf32>,
    %gw_hh: tensor<1x18x6xf32>)
    -> (tensor<12x3x6xf32>, tensor<12x3x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh peepholes(%p) hidden_size(6)
      : (tensor<12x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>,
         tensor<1x18xf32>)
      -> (tensor<12x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  %gy, %gh_n = s2s.gru %x, %gw_ih, %gw_hh hidden_size(6) clip(3.0)
      : (tensor<12x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>)
      -> (tensor<12x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %gy : tensor<12x3x6xf32>, tensor<12x3x6xf32>
}

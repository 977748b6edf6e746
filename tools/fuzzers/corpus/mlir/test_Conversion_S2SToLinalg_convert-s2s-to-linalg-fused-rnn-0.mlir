func.func @lstm_fused(%x: tensor<5x2x8xf32>, %w_ih: tensor<1x128x8xf32>,
    %w_hh: tensor<1x128x32xf32>, %b_ih: tensor<1x128xf32>,
    %b_hh: tensor<1x128xf32>)
    -> (tensor<5x2x32xf32>, tensor<1x2x32xf32>, tensor<1x2x32xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      hidden_size(32)
      : (tensor<5x2x8xf32>, tensor<1x128x8xf32>, tensor<1x128x32xf32>, tensor<1x128xf32>, tensor<1x128xf32>)
      -> (tensor<5x2x32xf32>, tensor<1x2x32xf32>, tensor<1x2x32xf32>)
  return %y, %h_n, %c_n : tensor<5x2x32xf32>, tensor<1x2x32xf32>, tensor<1x2x32xf32>
}

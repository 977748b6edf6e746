func.func @main(%x: tensor<1x3x5xf32>, %w_ih: tensor<1x18x5xf32>,
    %w_hh: tensor<1x18x6xf32>, %b_ih: tensor<1x18xf32>, %b_hh: tensor<1x18xf32>,
    %h0: tensor<1x3x6xf32>)
    -> (tensor<1x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      hidden_size(6) direction reverse
      : (tensor<1x3x5xf32>, tensor<1x18x5xf32>, tensor<1x18x6xf32>,
         tensor<1x18xf32>, tensor<1x18xf32>, tensor<1x3x6xf32>)
      -> (tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<1x3x6xf32>, tensor<1x3x6xf32>
}

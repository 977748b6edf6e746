func.func @main(%x: tensor<300x2x3xf32>, %w_ih: tensor<1x16x3xf32>,
    %w_hh: tensor<1x16x4xf32>, %b_ih: tensor<1x16xf32>, %b_hh: tensor<1x16xf32>,
    %h0: tensor<1x2x4xf32>, %c0: tensor<1x2x4xf32>)
    -> (tensor<300x2x4xf32>, tensor<1x2x4xf32>, tensor<1x2x4xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      c0(%c0) hidden_size(4)
      : (tensor<300x2x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xf32>,
         tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x2x4xf32>,
         tensor<1x2x4xf32>)
      -> (tensor<300x2x4xf32>, tensor<1x2x4xf32>, tensor<1x2x4xf32>)
  return %y, %h_n, %c_n : tensor<300x2x4xf32>, tensor<1x2x4xf32>,
      tensor<1x2x4xf32>
}

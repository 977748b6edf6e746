func.func @main(%x: tensor<5x5x7xf32>, %w_ih: tensor<1x52x7xf32>,
    %w_hh: tensor<1x52x13xf32>, %b_ih: tensor<1x52xf32>,
    %b_hh: tensor<1x52xf32>, %h0: tensor<1x5x13xf32>, %c0: tensor<1x5x13xf32>)
    -> (tensor<5x5x13xf32>, tensor<1x5x13xf32>, tensor<1x5x13xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      c0(%c0) hidden_size(13)
      : (tensor<5x5x7xf32>, tensor<1x52x7xf32>, tensor<1x52x13xf32>,
         tensor<1x52xf32>, tensor<1x52xf32>, tensor<1x5x13xf32>,
         tensor<1x5x13xf32>)
      -> (tensor<5x5x13xf32>, tensor<1x5x13xf32>, tensor<1x5x13xf32>)
  return %y, %h_n, %c_n : tensor<5x5x13xf32>, tensor<1x5x13xf32>,
      tensor<1x5x13xf32>
}

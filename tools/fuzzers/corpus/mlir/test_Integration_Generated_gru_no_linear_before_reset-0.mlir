func.func @main(%x: tensor<5x3x5xf32>, %w_ih: tensor<1x21x5xf32>,
    %w_hh: tensor<1x21x7xf32>, %b_ih: tensor<1x21xf32>, %b_hh: tensor<1x21xf32>,
    %h0: tensor<1x3x7xf32>)
    -> (tensor<5x3x7xf32>, tensor<1x3x7xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      hidden_size(7) linear_before_reset(false)
      : (tensor<5x3x5xf32>, tensor<1x21x5xf32>, tensor<1x21x7xf32>,
         tensor<1x21xf32>, tensor<1x21xf32>, tensor<1x3x7xf32>)
      -> (tensor<5x3x7xf32>, tensor<1x3x7xf32>)
  return %y, %h_n : tensor<5x3x7xf32>, tensor<1x3x7xf32>
}

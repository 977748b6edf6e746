func.func @main(%x: tensor<5x2x3xf32>, %w_ih: tensor<2x15x3xf32>,
    %w_hh: tensor<2x15x5xf32>, %b_ih: tensor<2x15xf32>, %b_hh: tensor<2x15xf32>,
    %h0: tensor<2x2x5xf32>)
    -> (tensor<5x2x10xf32>, tensor<2x2x5xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      hidden_size(5) direction bidirectional linear_before_reset(true)
      : (tensor<5x2x3xf32>, tensor<2x15x3xf32>, tensor<2x15x5xf32>,
         tensor<2x15xf32>, tensor<2x15xf32>, tensor<2x2x5xf32>)
      -> (tensor<5x2x10xf32>, tensor<2x2x5xf32>)
  return %y, %h_n : tensor<5x2x10xf32>, tensor<2x2x5xf32>
}

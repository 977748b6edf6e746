func.func @main(%x: tensor<?x?x6xf32>, %w_ih: tensor<1x24x6xf32>,
    %w_hh: tensor<1x24x8xf32>, %b_ih: tensor<1x24xf32>, %b_hh: tensor<1x24xf32>,
    %h0: tensor<1x?x8xf32>)
    -> (tensor<?x?x8xf32>, tensor<1x?x8xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      hidden_size(8) direction forward linear_before_reset(true)
      : (tensor<?x?x6xf32>, tensor<1x24x6xf32>, tensor<1x24x8xf32>,
         tensor<1x24xf32>, tensor<1x24xf32>, tensor<1x?x8xf32>)
      -> (tensor<?x?x8xf32>, tensor<1x?x8xf32>)
  return %y, %h_n : tensor<?x?x8xf32>, tensor<1x?x8xf32>
}

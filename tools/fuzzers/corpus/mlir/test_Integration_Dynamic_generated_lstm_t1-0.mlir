func.func @main(%x: tensor<?x?x5xf32>, %w_ih: tensor<1x24x5xf32>,
    %w_hh: tensor<1x24x6xf32>, %b_ih: tensor<1x24xf32>, %b_hh: tensor<1x24xf32>,
    %h0: tensor<1x?x6xf32>, %c0: tensor<1x?x6xf32>)
    -> (tensor<?x?x6xf32>, tensor<1x?x6xf32>, tensor<1x?x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      c0(%c0) hidden_size(6)
      : (tensor<?x?x5xf32>, tensor<1x24x5xf32>, tensor<1x24x6xf32>,
         tensor<1x24xf32>, tensor<1x24xf32>, tensor<1x?x6xf32>,
         tensor<1x?x6xf32>)
      -> (tensor<?x?x6xf32>, tensor<1x?x6xf32>, tensor<1x?x6xf32>)
  return %y, %h_n, %c_n : tensor<?x?x6xf32>, tensor<1x?x6xf32>,
      tensor<1x?x6xf32>
}

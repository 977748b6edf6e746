func.func @main(%x: tensor<?x?x7xf32>, %w_ih: tensor<1x39x7xf32>,
    %w_hh: tensor<1x39x13xf32>, %b_ih: tensor<1x39xf32>,
    %b_hh: tensor<1x39xf32>, %h0: tensor<1x?x13xf32>)
    -> (tensor<?x?x13xf32>, tensor<1x?x13xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      hidden_size(13)
      : (tensor<?x?x7xf32>, tensor<1x39x7xf32>, tensor<1x39x13xf32>,
         tensor<1x39xf32>, tensor<1x39xf32>, tensor<1x?x13xf32>)
      -> (tensor<?x?x13xf32>, tensor<1x?x13xf32>)
  return %y, %h_n : tensor<?x?x13xf32>, tensor<1x?x13xf32>
}

func.func @main(%x: tensor<5x7xf32>, %h: tensor<5x13xf32>,
    %w_ih: tensor<13x7xf32>, %w_hh: tensor<13x13xf32>, %b_ih: tensor<13xf32>,
    %b_hh: tensor<13xf32>)
    -> tensor<5x13xf32> {
  %h_next = s2s.rnn_cell %x, %h, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) activation
      relu
      : (tensor<5x7xf32>, tensor<5x13xf32>, tensor<13x7xf32>, tensor<13x13xf32>,
         tensor<13xf32>, tensor<13xf32>)
      -> tensor<5x13xf32>
  return %h_next : tensor<5x13xf32>
}

func.func @main(%x: tensor<?x5xf32>, %h: tensor<?x7xf32>,
    %w_ih: tensor<7x5xf32>, %w_hh: tensor<7x7xf32>, %b_ih: tensor<7xf32>,
    %b_hh: tensor<7xf32>)
    -> tensor<?x7xf32> {
  %h_next = s2s.rnn_cell %x, %h, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) activation
      tanh
      : (tensor<?x5xf32>, tensor<?x7xf32>, tensor<7x5xf32>, tensor<7x7xf32>,
         tensor<7xf32>, tensor<7xf32>)
      -> tensor<?x7xf32>
  return %h_next : tensor<?x7xf32>
}

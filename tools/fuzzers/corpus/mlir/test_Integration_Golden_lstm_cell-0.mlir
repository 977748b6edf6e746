func.func @main(%x: tensor<3x5xf32>, %h: tensor<3x7xf32>, %c: tensor<3x7xf32>,
    %w_ih: tensor<28x5xf32>, %w_hh: tensor<28x7xf32>, %b_ih: tensor<28xf32>,
    %b_hh: tensor<28xf32>)
    -> (tensor<3x7xf32>, tensor<3x7xf32>) {
  %h_next, %c_next = s2s.lstm_cell %x, %h, %c, %w_ih, %w_hh b_ih(%b_ih)
      b_hh(%b_hh)
      : (tensor<3x5xf32>, tensor<3x7xf32>, tensor<3x7xf32>, tensor<28x5xf32>,
         tensor<28x7xf32>, tensor<28xf32>, tensor<28xf32>)
      -> (tensor<3x7xf32>, tensor<3x7xf32>)
  return %h_next, %c_next : tensor<3x7xf32>, tensor<3x7xf32>
}

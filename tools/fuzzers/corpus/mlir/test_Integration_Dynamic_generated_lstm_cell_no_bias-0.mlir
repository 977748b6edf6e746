func.func @main(%x: tensor<?x7xf32>, %h: tensor<?x11xf32>, %c: tensor<?x11xf32>,
    %w_ih: tensor<44x7xf32>, %w_hh: tensor<44x11xf32>)
    -> (tensor<?x11xf32>, tensor<?x11xf32>) {
  %h_next, %c_next = s2s.lstm_cell %x, %h, %c, %w_ih, %w_hh
      : (tensor<?x7xf32>, tensor<?x11xf32>, tensor<?x11xf32>, tensor<44x7xf32>,
         tensor<44x11xf32>)
      -> (tensor<?x11xf32>, tensor<?x11xf32>)
  return %h_next, %c_next : tensor<?x11xf32>, tensor<?x11xf32>
}

func.func @main(%x: tensor<5x7xf32>, %h: tensor<5x11xf32>, %c: tensor<5x11xf32>,
    %w_ih: tensor<44x7xf32>, %w_hh: tensor<44x11xf32>)
    -> (tensor<5x11xf32>, tensor<5x11xf32>) {
  %h_next, %c_next = s2s.lstm_cell %x, %h, %c, %w_ih, %w_hh
      : (tensor<5x7xf32>, tensor<5x11xf32>, tensor<5x11xf32>, tensor<44x7xf32>,
         tensor<44x11xf32>)
      -> (tensor<5x11xf32>, tensor<5x11xf32>)
  return %h_next, %c_next : tensor<5x11xf32>, tensor<5x11xf32>
}

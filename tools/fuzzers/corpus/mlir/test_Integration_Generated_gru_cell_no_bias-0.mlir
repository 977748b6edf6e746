func.func @main(%x: tensor<5x7xf32>, %h: tensor<5x11xf32>,
    %w_ih: tensor<33x7xf32>, %w_hh: tensor<33x11xf32>)
    -> tensor<5x11xf32> {
  %h_next = s2s.gru_cell %x, %h, %w_ih, %w_hh
      : (tensor<5x7xf32>, tensor<5x11xf32>, tensor<33x7xf32>, tensor<33x11xf32>)
      -> tensor<5x11xf32>
  return %h_next : tensor<5x11xf32>
}

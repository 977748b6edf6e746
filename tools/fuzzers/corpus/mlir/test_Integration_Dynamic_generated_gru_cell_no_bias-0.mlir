func.func @main(%x: tensor<?x7xf32>, %h: tensor<?x11xf32>,
    %w_ih: tensor<33x7xf32>, %w_hh: tensor<33x11xf32>)
    -> tensor<?x11xf32> {
  %h_next = s2s.gru_cell %x, %h, %w_ih, %w_hh
      : (tensor<?x7xf32>, tensor<?x11xf32>, tensor<33x7xf32>, tensor<33x11xf32>)
      -> tensor<?x11xf32>
  return %h_next : tensor<?x11xf32>
}

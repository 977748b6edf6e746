func.func @gru_cell(%x: tensor<?x4xf32>, %h: tensor<?x6xf32>,
    %w_ih: tensor<18x4xf32>, %w_hh: tensor<18x6xf32>) -> index {
  %h_next = s2s.gru_cell %x, %h, %w_ih, %w_hh
      : (tensor<?x4xf32>, tensor<?x6xf32>, tensor<18x4xf32>, tensor<18x6xf32>)
      -> tensor<?x6xf32>
  %c0 = arith.constant 0 : index
  %d = tensor.dim %h_next, %c0 : tensor<?x6xf32>
  return %d : index
}

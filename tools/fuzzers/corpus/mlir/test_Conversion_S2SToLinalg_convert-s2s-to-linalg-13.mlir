func.func @gru_cell(%x: tensor<3x5xf32>, %h: tensor<3x7xf32>,
    %w_ih: tensor<21x5xf32>, %w_hh: tensor<21x7xf32>) -> tensor<3x7xf32> {
  %h_next = s2s.gru_cell %x, %h, %w_ih, %w_hh
      : (tensor<3x5xf32>, tensor<3x7xf32>, tensor<21x5xf32>, tensor<21x7xf32>)
      -> tensor<3x7xf32>
  return %h_next : tensor<3x7xf32>
}

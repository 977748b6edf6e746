func.func @gru_cell_dynamic_hidden(%x: tensor<?x5xf32>, %h: tensor<?x?xf32>,
    %w_ih: tensor<21x5xf32>, %w_hh: tensor<21x7xf32>) -> tensor<?x?xf32> {
  %h1 = s2s.gru_cell %x, %h, %w_ih, %w_hh
      : (tensor<?x5xf32>, tensor<?x?xf32>, tensor<21x5xf32>, tensor<21x7xf32>)
      -> tensor<?x?xf32>
  return %h1 : tensor<?x?xf32>
}

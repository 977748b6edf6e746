func.func @main(%x: tensor<3x5xf32>, %h: tensor<3x7xf32>,
    %w_ih: tensor<21x5xf32>, %w_hh: tensor<21x7xf32>, %b_ih: tensor<21xf32>,
    %b_hh: tensor<21xf32>)
    -> tensor<3x7xf32> {
  %h_next = s2s.gru_cell %x, %h, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      linear_before_reset(true)
      : (tensor<3x5xf32>, tensor<3x7xf32>, tensor<21x5xf32>, tensor<21x7xf32>,
         tensor<21xf32>, tensor<21xf32>)
      -> tensor<3x7xf32>
  return %h_next : tensor<3x7xf32>
}

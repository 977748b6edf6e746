func.func @main(%x: tensor<?x7xf32>, %h: tensor<?x13xf32>,
    %w_ih: tensor<39x7xf32>, %w_hh: tensor<39x13xf32>, %b_ih: tensor<39xf32>,
    %b_hh: tensor<39xf32>)
    -> tensor<?x13xf32> {
  %h_next = s2s.gru_cell %x, %h, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      linear_before_reset(false)
      : (tensor<?x7xf32>, tensor<?x13xf32>, tensor<39x7xf32>, tensor<39x13xf32>,
         tensor<39xf32>, tensor<39xf32>)
      -> tensor<?x13xf32>
  return %h_next : tensor<?x13xf32>
}

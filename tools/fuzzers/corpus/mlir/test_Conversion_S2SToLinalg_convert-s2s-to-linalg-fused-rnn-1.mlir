func.func @gru_fused(%x: tensor<4x3x5xf32>, %w_ih: tensor<1x48x5xf32>,
    %w_hh: tensor<1x48x16xf32>, %b_ih: tensor<1x48xf32>,
    %b_hh: tensor<1x48xf32>) -> (tensor<4x3x16xf32>, tensor<1x3x16xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      hidden_size(16)
      : (tensor<4x3x5xf32>, tensor<1x48x5xf32>, tensor<1x48x16xf32>, tensor<1x48xf32>, tensor<1x48xf32>)
      -> (tensor<4x3x16xf32>, tensor<1x3x16xf32>)
  return %y, %h_n : tensor<4x3x16xf32>, tensor<1x3x16xf32>
}

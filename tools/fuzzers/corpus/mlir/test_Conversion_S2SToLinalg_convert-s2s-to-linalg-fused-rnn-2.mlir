func.func @gru_reset_first(%x: tensor<4x3x5xf32>, %w_ih: tensor<1x48x5xf32>,
    %w_hh: tensor<1x48x16xf32>) -> (tensor<4x3x16xf32>, tensor<1x3x16xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh hidden_size(16)
      linear_before_reset(false)
      : (tensor<4x3x5xf32>, tensor<1x48x5xf32>, tensor<1x48x16xf32>)
      -> (tensor<4x3x16xf32>, tensor<1x3x16xf32>)
  return %y, %h_n : tensor<4x3x16xf32>, tensor<1x3x16xf32>
}

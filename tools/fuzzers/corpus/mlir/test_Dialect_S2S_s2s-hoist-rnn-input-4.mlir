func.func @negative_fewer_steps_than_min_steps(%x: tensor<6x3x4xf32>,
    %w_ih: tensor<1x18x4xf32>, %w_hh: tensor<1x18x6xf32>)
    -> (tensor<6x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<6x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>)
      -> (tensor<6x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<6x3x6xf32>, tensor<1x3x6xf32>
}

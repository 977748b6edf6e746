func.func @negative_static(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x12x4xf32>,
    %w_hh: tensor<1x12x4xf32>, %h0: tensor<1x3x4xf32>) -> tensor<5x3x4xf32> {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh h0(%h0) hidden_size(4)
      : (tensor<5x3x4xf32>, tensor<1x12x4xf32>, tensor<1x12x4xf32>,
         tensor<1x3x4xf32>) -> (tensor<5x3x4xf32>, tensor<1x3x4xf32>)
  return %y : tensor<5x3x4xf32>
}

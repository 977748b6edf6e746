func.func @main(%x: tensor<4x3x5xf32>, %w_ih: tensor<2x4x5xf32>,
    %w_hh: tensor<2x4x4xf32>, %b_ih: tensor<2x4xf32>, %b_hh: tensor<2x4xf32>)
    -> (tensor<4x3x8xf32>, tensor<2x3x4xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) hidden_size(4)
      direction bidirectional activation relu
      : (tensor<4x3x5xf32>, tensor<2x4x5xf32>, tensor<2x4x4xf32>,
         tensor<2x4xf32>, tensor<2x4xf32>)
      -> (tensor<4x3x8xf32>, tensor<2x3x4xf32>)
  return %y, %h_n : tensor<4x3x8xf32>, tensor<2x3x4xf32>
}

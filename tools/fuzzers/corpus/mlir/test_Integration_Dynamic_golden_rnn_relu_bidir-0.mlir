func.func @main(%x: tensor<?x?x5xf32>, %w_ih: tensor<2x4x5xf32>,
    %w_hh: tensor<2x4x4xf32>, %b_ih: tensor<2x4xf32>, %b_hh: tensor<2x4xf32>)
    -> (tensor<?x?x8xf32>, tensor<2x?x4xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) hidden_size(4)
      direction bidirectional activation relu
      : (tensor<?x?x5xf32>, tensor<2x4x5xf32>, tensor<2x4x4xf32>,
         tensor<2x4xf32>, tensor<2x4xf32>)
      -> (tensor<?x?x8xf32>, tensor<2x?x4xf32>)
  return %y, %h_n : tensor<?x?x8xf32>, tensor<2x?x4xf32>
}

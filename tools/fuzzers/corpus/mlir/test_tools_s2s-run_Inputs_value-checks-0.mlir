func.func @embed(%ids: tensor<?x?xi64>, %table: tensor<5x3xf32>)
    -> tensor<?x?x3xf32> {
  %e = s2s.embedding %ids, %table
      : (tensor<?x?xi64>, tensor<5x3xf32>) -> tensor<?x?x3xf32>
  return %e : tensor<?x?x3xf32>
}

func.func @rnn(%x: tensor<4x2x3xf32>, %w_ih: tensor<1x2x3xf32>,
               %w_hh: tensor<1x2x2xf32>, %lens: tensor<2xi32>)
    -> tensor<1x2x2xf32> {
  %y, %h = s2s.rnn %x, %w_ih, %w_hh seq_lens(%lens) hidden_size(2)
      : (tensor<4x2x3xf32>, tensor<1x2x3xf32>, tensor<1x2x2xf32>,
         tensor<2xi32>) -> (tensor<4x2x2xf32>, tensor<1x2x2xf32>)
  return %h : tensor<1x2x2xf32>
}

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

func.func @select(%ids: tensor<?x?xi64>, %table: tensor<5x3xf32>)
    -> tensor<?x3xf32> {
  %flat = tensor.collapse_shape %ids [[0, 1]]
      : tensor<?x?xi64> into tensor<?xi64>
  %rows = s2s.index_select %table, %flat dim(0)
      : (tensor<5x3xf32>, tensor<?xi64>) -> tensor<?x3xf32>
  return %rows : tensor<?x3xf32>
}

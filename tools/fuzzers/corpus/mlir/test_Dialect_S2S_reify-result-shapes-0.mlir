func.func @lstm_batch_first(%x: tensor<?x?x4xf32>, %w_ih: tensor<2x24x4xf32>,
    %w_hh: tensor<2x24x6xf32>) -> (index, index, index, index) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh hidden_size(6)
      direction bidirectional batch_first
      : (tensor<?x?x4xf32>, tensor<2x24x4xf32>, tensor<2x24x6xf32>)
      -> (tensor<?x?x12xf32>, tensor<2x?x6xf32>, tensor<2x?x6xf32>)
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %d0 = tensor.dim %y, %c0 : tensor<?x?x12xf32>
  %d1 = tensor.dim %y, %c1 : tensor<?x?x12xf32>
  %d2 = tensor.dim %h_n, %c1 : tensor<2x?x6xf32>
  %d3 = tensor.dim %c_n, %c1 : tensor<2x?x6xf32>
  return %d0, %d1, %d2, %d3 : index, index, index, index
}

func.func @rnn_missing_hidden_size(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x6x4xf32>, %w_hh: tensor<1x6x6xf32>) {
  %0:2 = "s2s.rnn"(%x, %w_ih, %w_hh)
      <{operandSegmentSizes = array<i32: 1, 1, 1, 0, 0, 0, 0>}>
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

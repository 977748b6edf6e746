func.func @rnn_h0_element_type(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>, %h0: tensor<1x3x6xf16>) {
  %0:2 = s2s.rnn %x, %w_ih, %w_hh h0(%h0) hidden_size(6) : (tensor<5x3x4xf32>,
      tensor<1x6x4xf32>, tensor<1x6x6xf32>, tensor<1x3x6xf16>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

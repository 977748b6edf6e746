func.func @lstm_dynamic_weight(%x: tensor<?x?x4xf32>,
    %w_ih: tensor<1x24x4xf32>, %w_hh: tensor<1x?x6xf32>)
    -> (tensor<?x?x6xf32>, tensor<1x?x6xf32>, tensor<1x?x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<?x?x4xf32>, tensor<1x24x4xf32>, tensor<1x?x6xf32>)
      -> (tensor<?x?x6xf32>, tensor<1x?x6xf32>, tensor<1x?x6xf32>)
  return %y, %h_n, %c_n
      : tensor<?x?x6xf32>, tensor<1x?x6xf32>, tensor<1x?x6xf32>
}

func.func @main(%x: tensor<0x3x6xf32>, %w_ih: tensor<1x32x6xf32>,
    %w_hh: tensor<1x32x8xf32>, %h0: tensor<1x3x8xf32>, %c0: tensor<1x3x8xf32>)
    -> (tensor<0x3x8xf32>, tensor<1x3x8xf32>, tensor<1x3x8xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh h0(%h0) c0(%c0) hidden_size(8)
      : (tensor<0x3x6xf32>, tensor<1x32x6xf32>, tensor<1x32x8xf32>,
         tensor<1x3x8xf32>, tensor<1x3x8xf32>)
      -> (tensor<0x3x8xf32>, tensor<1x3x8xf32>, tensor<1x3x8xf32>)
  return %y, %h_n, %c_n : tensor<0x3x8xf32>, tensor<1x3x8xf32>,
      tensor<1x3x8xf32>
}

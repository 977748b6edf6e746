func.func @main(%x: tensor<5x0x6xf32>, %w_ih: tensor<1x24x6xf32>,
    %w_hh: tensor<1x24x8xf32>, %seq_lens: tensor<0xi64>)
    -> (tensor<5x0x8xf32>, tensor<1x0x8xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh seq_lens(%seq_lens) hidden_size(8)
      : (tensor<5x0x6xf32>, tensor<1x24x6xf32>, tensor<1x24x8xf32>,
         tensor<0xi64>)
      -> (tensor<5x0x8xf32>, tensor<1x0x8xf32>)
  return %y, %h_n : tensor<5x0x8xf32>, tensor<1x0x8xf32>
}

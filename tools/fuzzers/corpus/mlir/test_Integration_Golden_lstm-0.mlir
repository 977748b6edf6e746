func.func @main(%x: tensor<6x2x8xf32>, %w_ih: tensor<1x64x8xf32>,
    %w_hh: tensor<1x64x16xf32>, %b_ih: tensor<1x64xf32>,
    %b_hh: tensor<1x64xf32>, %h0: tensor<1x2x16xf32>, %c0: tensor<1x2x16xf32>)
    -> (tensor<6x2x16xf32>, tensor<1x2x16xf32>, tensor<1x2x16xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      c0(%c0) hidden_size(16) direction forward
      : (tensor<6x2x8xf32>, tensor<1x64x8xf32>, tensor<1x64x16xf32>,
         tensor<1x64xf32>, tensor<1x64xf32>, tensor<1x2x16xf32>,
         tensor<1x2x16xf32>)
      -> (tensor<6x2x16xf32>, tensor<1x2x16xf32>, tensor<1x2x16xf32>)
  return %y, %h_n, %c_n : tensor<6x2x16xf32>, tensor<1x2x16xf32>,
      tensor<1x2x16xf32>
}

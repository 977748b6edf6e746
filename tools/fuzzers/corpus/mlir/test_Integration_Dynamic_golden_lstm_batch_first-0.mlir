func.func @main(%x: tensor<?x?x6xf32>, %w_ih: tensor<1x20x6xf32>,
    %w_hh: tensor<1x20x5xf32>, %b_ih: tensor<1x20xf32>, %b_hh: tensor<1x20xf32>)
    -> (tensor<?x?x5xf32>, tensor<1x?x5xf32>, tensor<1x?x5xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      hidden_size(5) direction forward batch_first
      : (tensor<?x?x6xf32>, tensor<1x20x6xf32>, tensor<1x20x5xf32>,
         tensor<1x20xf32>, tensor<1x20xf32>)
      -> (tensor<?x?x5xf32>, tensor<1x?x5xf32>, tensor<1x?x5xf32>)
  return %y, %h_n, %c_n : tensor<?x?x5xf32>, tensor<1x?x5xf32>,
      tensor<1x?x5xf32>
}

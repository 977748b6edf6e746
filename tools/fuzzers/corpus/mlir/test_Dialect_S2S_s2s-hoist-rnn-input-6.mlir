func.func @negative_batch_first_steps_below_min_steps(%x: tensor<12x6x4xf32>,
    %w_ih: tensor<1x24x4xf32>, %w_hh: tensor<1x24x6xf32>)
    -> (tensor<12x6x6xf32>, tensor<1x12x6xf32>, tensor<1x12x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh hidden_size(6) batch_first
      : (tensor<12x6x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>)
      -> (tensor<12x6x6xf32>, tensor<1x12x6xf32>, tensor<1x12x6xf32>)
  return %y, %h_n, %c_n : tensor<12x6x6xf32>, tensor<1x12x6xf32>,
      tensor<1x12x6xf32>
}

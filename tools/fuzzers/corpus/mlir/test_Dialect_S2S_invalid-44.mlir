func.func @recurrence_b_hh_element_type(%x_gates: tensor<5x3x24xf32>,
    %w_hh: tensor<1x24x6xf32>, %b_hh: tensor<1x24xf64>) {
  %0:3 = s2s.recurrence lstm %x_gates, %w_hh b_hh(%b_hh) hidden_size(6)
      : (tensor<5x3x24xf32>, tensor<1x24x6xf32>, tensor<1x24xf64>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

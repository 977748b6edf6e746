func.func @recurrence_c0_element_type(%x_gates: tensor<5x3x24xf32>,
    %w_hh: tensor<1x24x6xf32>, %c0: tensor<1x3x6xf16>) {
  %0:3 = s2s.recurrence lstm %x_gates, %w_hh c0(%c0) hidden_size(6)
      : (tensor<5x3x24xf32>, tensor<1x24x6xf32>, tensor<1x3x6xf16>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

func.func @attention_general_w_element_type(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x6xf32>, %values: tensor<2x5x7xf32>, %w: tensor<8x6xf16>) {
  %0:2 = s2s.attention general %query, %keys, %values w(%w)
      : (tensor<2x3x8xf32>, tensor<2x5x6xf32>, tensor<2x5x7xf32>,
      tensor<8x6xf16>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

func.func @attention_values_element_type(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %values: tensor<2x5x7xf64>) {
  %0:2 = s2s.attention dot %query, %keys, %values
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x7xf64>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

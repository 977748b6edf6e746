func.func @attention_general_missing_w(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x6xf32>, %values: tensor<2x5x7xf32>) {
  %0:2 = s2s.attention general %query, %keys, %values
      : (tensor<2x3x8xf32>, tensor<2x5x6xf32>, tensor<2x5x7xf32>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

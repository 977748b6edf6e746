func.func @attention_dot_extra_w(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %values: tensor<2x5x7xf32>, %w: tensor<8x8xf32>) {
  %0:2 = s2s.attention dot %query, %keys, %values w(%w) : (tensor<2x3x8xf32>,
      tensor<2x5x8xf32>, tensor<2x5x7xf32>, tensor<8x8xf32>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

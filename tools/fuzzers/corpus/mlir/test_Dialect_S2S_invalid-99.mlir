func.func @attention_additive_extra_w(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x6xf32>, %values: tensor<2x5x7xf32>, %w: tensor<8x6xf32>,
    %w_query: tensor<10x8xf32>, %w_keys: tensor<10x6xf32>, %v: tensor<10xf32>) {
  %0:2 = s2s.attention additive %query, %keys, %values w(%w) w_query(%w_query)
      w_keys(%w_keys) v(%v) : (tensor<2x3x8xf32>, tensor<2x5x6xf32>,
      tensor<2x5x7xf32>, tensor<8x6xf32>, tensor<10x8xf32>, tensor<10x6xf32>,
      tensor<10xf32>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

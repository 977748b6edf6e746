func.func @attention_query_rank(%query: tensor<3x8xf32>,
    %keys: tensor<2x5x8xf32>, %values: tensor<2x5x7xf32>) {
  %0:2 = s2s.attention dot %query, %keys, %values
      : (tensor<3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x7xf32>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

func.func @main(%query: tensor<3x5x9xf32>, %keys: tensor<3x7x11xf32>,
    %values: tensor<3x7x5xf32>, %w_query: tensor<13x9xf32>,
    %w_keys: tensor<13x11xf32>, %v: tensor<13xf32>)
    -> (tensor<3x5x5xf32>, tensor<3x5x7xf32>) {
  %context, %weights = s2s.attention additive %query, %keys, %values
      w_query(%w_query) w_keys(%w_keys) v(%v)
      : (tensor<3x5x9xf32>, tensor<3x7x11xf32>, tensor<3x7x5xf32>,
         tensor<13x9xf32>, tensor<13x11xf32>, tensor<13xf32>)
      -> (tensor<3x5x5xf32>, tensor<3x5x7xf32>)
  return %context, %weights : tensor<3x5x5xf32>, tensor<3x5x7xf32>
}

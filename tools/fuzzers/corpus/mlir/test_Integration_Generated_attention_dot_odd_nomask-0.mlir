func.func @main(%query: tensor<3x5x9xf32>, %keys: tensor<3x7x9xf32>,
    %values: tensor<3x7x5xf32>)
    -> (tensor<3x5x5xf32>, tensor<3x5x7xf32>) {
  %context, %weights = s2s.attention dot %query, %keys, %values
      : (tensor<3x5x9xf32>, tensor<3x7x9xf32>, tensor<3x7x5xf32>)
      -> (tensor<3x5x5xf32>, tensor<3x5x7xf32>)
  return %context, %weights : tensor<3x5x5xf32>, tensor<3x5x7xf32>
}

func.func @main(%query: tensor<2x3x8xf32>, %keys: tensor<2x5x8xf32>,
    %values: tensor<2x5x6xf32>, %w: tensor<8x8xf32>, %mask: tensor<2x3x5xi1>)
    -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>) {
  %context, %weights = s2s.attention general %query, %keys, %values w(%w)
      mask(%mask)
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x6xf32>,
         tensor<8x8xf32>, tensor<2x3x5xi1>)
      -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>)
  return %context, %weights : tensor<2x3x6xf32>, tensor<2x3x5xf32>
}

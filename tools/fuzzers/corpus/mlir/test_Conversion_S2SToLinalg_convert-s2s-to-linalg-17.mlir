func.func @attention_additive_keys_hoisted(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %w_query: tensor<10x8xf32>,
    %w_keys: tensor<10x8xf32>, %v: tensor<10xf32>) -> tensor<2x3x5xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %init = tensor.empty() : tensor<2x3x5xf32>
  %outer = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %init)
      -> (tensor<2x3x5xf32>) {
    %inner = scf.for %j = %c0 to %c4 step %c1 iter_args(%acc2 = %acc)
        -> (tensor<2x3x5xf32>) {
      %ctx, %weights = s2s.attention additive %query, %keys, %keys
          w_query(%w_query) w_keys(%w_keys) v(%v)
          : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x8xf32>,
             tensor<10x8xf32>, tensor<10x8xf32>, tensor<10xf32>)
          -> (tensor<2x3x8xf32>, tensor<2x3x5xf32>)
      scf.yield %weights : tensor<2x3x5xf32>
    }
    scf.yield %inner : tensor<2x3x5xf32>
  }
  return %outer : tensor<2x3x5xf32>
}
func.func @attention_additive_keys_in_loop(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %w_query: tensor<10x8xf32>,
    %w_keys: tensor<10x8xf32>, %v: tensor<10xf32>) -> tensor<2x3x8xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %out = scf.for %i = %c0 to %c4 step %c1 iter_args(%k = %keys)
      -> (tensor<2x5x8xf32>) {
    %ctx, %weights = s2s.attention additive %query, %k, %k
        w_query(%w_query) w_keys(%w_keys) v(%v)
        : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x8xf32>,
           tensor<10x8xf32>, tensor<10x8xf32>, tensor<10xf32>)
        -> (tensor<2x3x8xf32>, tensor<2x3x5xf32>)
    %next = tensor.insert_slice %ctx into %k[0, 0, 0] [2, 3, 8] [1, 1, 1]
        : tensor<2x3x8xf32> into tensor<2x5x8xf32>
    scf.yield %next : tensor<2x5x8xf32>
  }
  %first = tensor.extract_slice %out[0, 0, 0] [2, 3, 8] [1, 1, 1]
      : tensor<2x5x8xf32> to tensor<2x3x8xf32>
  return %first : tensor<2x3x8xf32>
}

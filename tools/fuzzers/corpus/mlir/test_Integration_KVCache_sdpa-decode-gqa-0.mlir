func.func @main(%q: tensor<1x4x5x8xf32>, %k: tensor<1x2x12x8xf32>,
                %v: tensor<1x2x12x8xf32>) -> tensor<1x4x5x8xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c5 = arith.constant 5 : index
  %c7 = arith.constant 7 : index
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<1x2x16x8xf32>
  %cache0 = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x2x16x8xf32>)
      -> tensor<1x2x16x8xf32>
  %out_empty = tensor.empty() : tensor<1x4x5x8xf32>

  %k_prompt = tensor.extract_slice %k[0, 0, 0, 0] [1, 2, 8, 8] [1, 1, 1, 1]
      : tensor<1x2x12x8xf32> to tensor<1x2x8x8xf32>
  %v_prompt = tensor.extract_slice %v[0, 0, 0, 0] [1, 2, 8, 8] [1, 1, 1, 1]
      : tensor<1x2x12x8xf32> to tensor<1x2x8x8xf32>
  %k_cache1, %k_valid0 = s2s.kv_cache_append %k_prompt into %cache0 at(%c0)
      dim(2) : (tensor<1x2x8x8xf32>, tensor<1x2x16x8xf32>, index)
      -> (tensor<1x2x16x8xf32>, tensor<1x2x?x8xf32>)
  %v_cache1, %v_valid0 = s2s.kv_cache_append %v_prompt into %cache0 at(%c0)
      dim(2) : (tensor<1x2x8x8xf32>, tensor<1x2x16x8xf32>, index)
      -> (tensor<1x2x16x8xf32>, tensor<1x2x?x8xf32>)
  %q0 = tensor.extract_slice %q[0, 0, 0, 0] [1, 4, 1, 8] [1, 1, 1, 1]
      : tensor<1x4x5x8xf32> to tensor<1x4x1x8xf32>
  %o0 = s2s.scaled_dot_product_attention %q0, %k_valid0, %v_valid0
      scale(0.35355339059327373) causal
      : (tensor<1x4x1x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>)
      -> tensor<1x4x1x8xf32>
  %out0 = tensor.insert_slice %o0 into %out_empty[0, 0, 0, 0] [1, 4, 1, 8]
      [1, 1, 1, 1] : tensor<1x4x1x8xf32> into tensor<1x4x5x8xf32>

  %res:3 = scf.for %i = %c1 to %c5 step %c1
      iter_args(%k_cache = %k_cache1, %v_cache = %v_cache1, %out = %out0)
      -> (tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>, tensor<1x4x5x8xf32>) {
    %pos = arith.addi %i, %c7 : index
    %k_new = tensor.extract_slice %k[0, 0, %pos, 0] [1, 2, 1, 8] [1, 1, 1, 1]
        : tensor<1x2x12x8xf32> to tensor<1x2x1x8xf32>
    %v_new = tensor.extract_slice %v[0, 0, %pos, 0] [1, 2, 1, 8] [1, 1, 1, 1]
        : tensor<1x2x12x8xf32> to tensor<1x2x1x8xf32>
    %k_next, %keys = s2s.kv_cache_append %k_new into %k_cache at(%pos) dim(2)
        : (tensor<1x2x1x8xf32>, tensor<1x2x16x8xf32>, index)
        -> (tensor<1x2x16x8xf32>, tensor<1x2x?x8xf32>)
    %v_next, %values = s2s.kv_cache_append %v_new into %v_cache at(%pos)
        dim(2) : (tensor<1x2x1x8xf32>, tensor<1x2x16x8xf32>, index)
        -> (tensor<1x2x16x8xf32>, tensor<1x2x?x8xf32>)
    %qi = tensor.extract_slice %q[0, 0, %i, 0] [1, 4, 1, 8] [1, 1, 1, 1]
        : tensor<1x4x5x8xf32> to tensor<1x4x1x8xf32>
    %oi = s2s.scaled_dot_product_attention %qi, %keys, %values
        scale(0.35355339059327373) causal
        : (tensor<1x4x1x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>)
        -> tensor<1x4x1x8xf32>
    %out_next = tensor.insert_slice %oi into %out[0, 0, %i, 0] [1, 4, 1, 8]
        [1, 1, 1, 1] : tensor<1x4x1x8xf32> into tensor<1x4x5x8xf32>
    scf.yield %k_next, %v_next, %out_next
        : tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>, tensor<1x4x5x8xf32>
  }
  return %res#2 : tensor<1x4x5x8xf32>
}

func.func @sdpa(%q: tensor<?x4x?x8xf32>, %k: tensor<?x2x?x8xf32>,
    %v: tensor<?x2x?x8xf32>) -> (index, index) {
  %out = s2s.scaled_dot_product_attention %q, %k, %v causal
      : (tensor<?x4x?x8xf32>, tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>)
      -> tensor<?x4x?x8xf32>
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %d0 = tensor.dim %out, %c0 : tensor<?x4x?x8xf32>
  %d1 = tensor.dim %out, %c2 : tensor<?x4x?x8xf32>
  return %d0, %d1 : index, index
}

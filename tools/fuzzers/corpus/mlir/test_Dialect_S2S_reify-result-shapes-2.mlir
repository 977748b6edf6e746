func.func @attention(%q: tensor<?x?x8xf32>, %k: tensor<?x?x8xf32>,
    %v: tensor<?x?x5xf32>) -> (index, index) {
  %ctx, %w = s2s.attention dot %q, %k, %v
      : (tensor<?x?x8xf32>, tensor<?x?x8xf32>, tensor<?x?x5xf32>)
      -> (tensor<?x?x5xf32>, tensor<?x?x?xf32>)
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %d0 = tensor.dim %ctx, %c1 : tensor<?x?x5xf32>
  %d1 = tensor.dim %w, %c2 : tensor<?x?x?xf32>
  return %d0, %d1 : index, index
}

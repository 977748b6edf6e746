func.func @small_ops(%x: tensor<?x?x8xf32>, %w: tensor<4x8xf32>,
    %indices: tensor<?xi64>, %table: tensor<?x?xf32>)
    -> (index, index, index, index, index) {
  %lin = s2s.linear %x, %w : (tensor<?x?x8xf32>, tensor<4x8xf32>)
      -> tensor<?x?x4xf32>
  %norm = s2s.layer_norm %x normalized_shape([8])
      : (tensor<?x?x8xf32>) -> tensor<?x?x8xf32>
  %emb = s2s.embedding %indices, %table : (tensor<?xi64>, tensor<?x?xf32>)
      -> tensor<?x?xf32>
  %arg = s2s.argmax %x dim(1) : (tensor<?x?x8xf32>) -> tensor<?x8xi64>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %d0 = tensor.dim %lin, %c1 : tensor<?x?x4xf32>
  %d1 = tensor.dim %norm, %c1 : tensor<?x?x8xf32>
  %d2 = tensor.dim %emb, %c0 : tensor<?x?xf32>
  %d3 = tensor.dim %emb, %c1 : tensor<?x?xf32>
  %d4 = tensor.dim %arg, %c0 : tensor<?x8xi64>
  return %d0, %d1, %d2, %d3, %d4 : index, index, index, index, index
}

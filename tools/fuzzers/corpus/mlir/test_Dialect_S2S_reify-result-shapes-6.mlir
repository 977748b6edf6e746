func.func @decoding_ops(%x: tensor<?x?x8xf32>, %indices: tensor<?xi64>)
    -> (index, index, index, index) {
  %logp = s2s.log_softmax %x dim(-1) : (tensor<?x?x8xf32>) -> tensor<?x?x8xf32>
  %v, %i = s2s.top_k %x k(3) dim(2)
      : (tensor<?x?x8xf32>) -> (tensor<?x?x3xf32>, tensor<?x?x3xi64>)
  %sel = s2s.index_select %x, %indices dim(0)
      : (tensor<?x?x8xf32>, tensor<?xi64>) -> tensor<?x?x8xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %d0 = tensor.dim %logp, %c1 : tensor<?x?x8xf32>
  %d1 = tensor.dim %i, %c0 : tensor<?x?x3xi64>
  %d2 = tensor.dim %sel, %c0 : tensor<?x?x8xf32>
  %d3 = tensor.dim %sel, %c1 : tensor<?x?x8xf32>
  return %d0, %d1, %d2, %d3 : index, index, index, index
}

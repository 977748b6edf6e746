func.func @kv_cache_append(%new: tensor<?x2x?x8xf32>,
                           %cache: tensor<?x2x64x8xf32>, %pos: index)
    -> (index, index) {
  %out, %valid = s2s.kv_cache_append %new into %cache at(%pos) dim(2)
      : (tensor<?x2x?x8xf32>, tensor<?x2x64x8xf32>, index)
      -> (tensor<?x2x64x8xf32>, tensor<?x2x?x8xf32>)
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %d0 = tensor.dim %out, %c0 : tensor<?x2x64x8xf32>
  %d1 = tensor.dim %valid, %c2 : tensor<?x2x?x8xf32>
  return %d0, %d1 : index, index
}

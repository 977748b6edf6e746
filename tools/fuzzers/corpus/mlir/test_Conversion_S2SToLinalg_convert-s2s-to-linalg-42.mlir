func.func @kv_cache_append(%new: tensor<1x2x1x8xf32>,
                           %cache: tensor<1x2x64x8xf32>, %pos: index)
    -> (tensor<1x2x64x8xf32>, tensor<1x2x?x8xf32>) {
  %out, %valid = s2s.kv_cache_append %new into %cache at(%pos) dim(2)
      : (tensor<1x2x1x8xf32>, tensor<1x2x64x8xf32>, index)
      -> (tensor<1x2x64x8xf32>, tensor<1x2x?x8xf32>)
  return %out, %valid : tensor<1x2x64x8xf32>, tensor<1x2x?x8xf32>
}

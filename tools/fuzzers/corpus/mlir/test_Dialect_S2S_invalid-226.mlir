func.func @kv_cache_append_too_many(%new: tensor<1x2x9x8xf32>, %cache: tensor<1x2x8x8xf32>, %pos: index) {
  %0:2 = s2s.kv_cache_append %new into %cache at(%pos) dim(2)
      : (tensor<1x2x9x8xf32>, tensor<1x2x8x8xf32>, index)
      -> (tensor<1x2x8x8xf32>, tensor<1x2x?x8xf32>)
  return
}

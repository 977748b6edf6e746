func.func @layer_norm_dynamic_normalized(%x: tensor<?x?xf32>)
    -> tensor<?x?xf32> {
  %y = s2s.layer_norm %x normalized_shape([16])
      : (tensor<?x?xf32>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}

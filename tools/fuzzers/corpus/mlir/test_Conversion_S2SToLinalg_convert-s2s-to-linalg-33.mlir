func.func @layer_norm_all_dims(%x: tensor<4x5xf32>) -> tensor<4x5xf32> {
  %y = s2s.layer_norm %x normalized_shape([4, 5])
      : (tensor<4x5xf32>) -> tensor<4x5xf32>
  return %y : tensor<4x5xf32>
}

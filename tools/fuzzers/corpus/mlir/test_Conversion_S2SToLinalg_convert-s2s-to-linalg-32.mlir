func.func @layer_norm_two_dims(%x: tensor<2x5x16xf32>, %gamma: tensor<5x16xf32>)
    -> tensor<2x5x16xf32> {
  %y = s2s.layer_norm %x weight(%gamma) normalized_shape([5, 16])
      : (tensor<2x5x16xf32>, tensor<5x16xf32>) -> tensor<2x5x16xf32>
  return %y : tensor<2x5x16xf32>
}

func.func @layer_norm_rank1(%x: tensor<16xf32>, %gamma: tensor<16xf32>)
    -> tensor<16xf32> {
  %y = s2s.layer_norm %x weight(%gamma) normalized_shape([16])
      : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
  return %y : tensor<16xf32>
}

func.func @layer_norm(%x: tensor<2x5x16xf32>, %gamma: tensor<16xf32>,
    %beta: tensor<16xf32>) -> tensor<2x5x16xf32> {
  %y = s2s.layer_norm %x weight(%gamma) bias(%beta) normalized_shape([16])
      eps(1.0e-3)
      : (tensor<2x5x16xf32>, tensor<16xf32>, tensor<16xf32>)
      -> tensor<2x5x16xf32>
  return %y : tensor<2x5x16xf32>
}

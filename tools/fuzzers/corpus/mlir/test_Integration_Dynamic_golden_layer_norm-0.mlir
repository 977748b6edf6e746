func.func @main(%x: tensor<?x?x16xf32>, %gamma: tensor<16xf32>,
    %beta: tensor<16xf32>)
    -> tensor<?x?x16xf32> {
  %y = s2s.layer_norm %x weight(%gamma) bias(%beta) normalized_shape([16])
      eps(1.0e-05)
      : (tensor<?x?x16xf32>, tensor<16xf32>, tensor<16xf32>)
      -> tensor<?x?x16xf32>
  return %y : tensor<?x?x16xf32>
}

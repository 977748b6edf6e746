func.func @embedding(%ids: tensor<?x?xi64>, %table: tensor<5x3xf32>)
    -> tensor<?x?x3xf32> {
  %e = s2s.embedding %ids, %table
      : (tensor<?x?xi64>, tensor<5x3xf32>) -> tensor<?x?x3xf32>
  return %e : tensor<?x?x3xf32>
}

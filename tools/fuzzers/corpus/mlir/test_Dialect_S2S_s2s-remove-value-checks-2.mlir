func.func @embedding(%ids: tensor<?xi64>, %table: tensor<5x3xf32>)
    -> tensor<?x3xf32> {
  %e = s2s.embedding %ids, %table
      : (tensor<?xi64>, tensor<5x3xf32>) -> tensor<?x3xf32>
  return %e : tensor<?x3xf32>
}

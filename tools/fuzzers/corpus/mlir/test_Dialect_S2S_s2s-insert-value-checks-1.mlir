func.func @dynamic_table(%id: tensor<i32>, %table: tensor<?x3xf32>)
    -> tensor<3xf32> {
  %e = s2s.embedding %id, %table : (tensor<i32>, tensor<?x3xf32>) -> tensor<3xf32>
  return %e : tensor<3xf32>
}

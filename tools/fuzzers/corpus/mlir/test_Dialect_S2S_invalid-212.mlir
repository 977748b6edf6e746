func.func @embedding_empty_table_dynamic_indices(%indices: tensor<?xi64>,
    %weight: tensor<0x8xf32>) -> tensor<?x8xf32> {
  %0 = s2s.embedding %indices, %weight : (tensor<?xi64>, tensor<0x8xf32>)
      -> tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}

func.func @embedding_empty_table(%indices: tensor<3xi64>,
    %weight: tensor<0x8xf32>) -> tensor<3x8xf32> {
  %0 = s2s.embedding %indices, %weight : (tensor<3xi64>, tensor<0x8xf32>)
      -> tensor<3x8xf32>
  return %0 : tensor<3x8xf32>
}

func.func @embedding_result_shape(%indices: tensor<7x3xi64>,
    %weight: tensor<20x8xf32>) {
  %0 = s2s.embedding %indices, %weight : (tensor<7x3xi64>, tensor<20x8xf32>)
      -> tensor<7x3x20xf32>
  return
}

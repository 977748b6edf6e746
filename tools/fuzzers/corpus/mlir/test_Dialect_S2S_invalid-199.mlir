func.func @embedding_float_indices(%indices: tensor<7xf32>,
    %weight: tensor<20x8xf32>) {
  %0 = s2s.embedding %indices, %weight : (tensor<7xf32>, tensor<20x8xf32>)
      -> tensor<7x8xf32>
  return
}

func.func @embedding_bool_indices(%indices: tensor<7xi1>,
    %weight: tensor<20x8xf32>) {
  %0 = s2s.embedding %indices, %weight : (tensor<7xi1>, tensor<20x8xf32>)
      -> tensor<7x8xf32>
  return
}

func.func @embedding_weight_rank(%indices: tensor<7xi64>, %weight: tensor<20xf32>)
    {
  %0 = s2s.embedding %indices, %weight : (tensor<7xi64>, tensor<20xf32>)
      -> tensor<7x8xf32>
  return
}

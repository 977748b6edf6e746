func.func @embedding_result_element_type(%indices: tensor<7xi32>,
    %weight: tensor<20x8xf16>) {
  %0 = s2s.embedding %indices, %weight : (tensor<7xi32>, tensor<20x8xf16>)
      -> tensor<7x8xf32>
  return
}

func.func @index_select(%x: tensor<4x?xf32>, %idx: tensor<?xi32>)
    -> tensor<4x?xf32> {
  %y = s2s.index_select %x, %idx dim(-1)
      : (tensor<4x?xf32>, tensor<?xi32>) -> tensor<4x?xf32>
  return %y : tensor<4x?xf32>
}

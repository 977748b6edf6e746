func.func @index_select(%x: tensor<4x128xf32>, %idx: tensor<8xi64>)
    -> tensor<8x128xf32> {
  %y = s2s.index_select %x, %idx dim(0)
      : (tensor<4x128xf32>, tensor<8xi64>) -> tensor<8x128xf32>
  return %y : tensor<8x128xf32>
}

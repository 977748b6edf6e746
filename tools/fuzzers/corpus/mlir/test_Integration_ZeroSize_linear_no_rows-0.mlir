func.func @main(%x: tensor<0x7xf32>, %w: tensor<4x7xf32>, %b: tensor<4xf32>)
    -> tensor<0x4xf32> {
  %out = s2s.linear %x, %w, %b
      : (tensor<0x7xf32>, tensor<4x7xf32>, tensor<4xf32>) -> tensor<0x4xf32>
  return %out : tensor<0x4xf32>
}

// Two entry points, one calling the other.
func.func @inner(%x: tensor<2x4xf32>, %w: tensor<4x4xf32>) -> tensor<2x4xf32> {
  %y = s2s.linear %x, %w : (tensor<2x4xf32>, tensor<4x4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

func.func @outer(%x: tensor<2x4xf32>, %w: tensor<4x4xf32>) -> tensor<2x4xf32> {
  %y = func.call @inner(%x, %w)
      : (tensor<2x4xf32>, tensor<4x4xf32>) -> tensor<2x4xf32>
  %z = func.call @inner(%y, %w)
      : (tensor<2x4xf32>, tensor<4x4xf32>) -> tensor<2x4xf32>
  return %z : tensor<2x4xf32>
}

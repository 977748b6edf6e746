func.func private @block(%x: tensor<?x4xf32>, %w: tensor<4x4xf32>,
                         %b: tensor<4xf32>) -> tensor<?x4xf32> {
  %0 = s2s.linear %x, %w, %b
      : (tensor<?x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  %1 = s2s.linear %0, %w, %b
      : (tensor<?x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  return %1 : tensor<?x4xf32>
}

func.func @main(%x: tensor<?x4xf32>, %w: tensor<4x4xf32>, %b: tensor<4xf32>)
    -> tensor<?x4xf32> {
  %0 = func.call @block(%x, %w, %b)
      : (tensor<?x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  %1 = func.call @block(%0, %w, %b)
      : (tensor<?x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  return %1 : tensor<?x4xf32>
}

func.func @top_k(%x: tensor<2x60xf32>) -> (tensor<2x4xf32>, tensor<2x4xi64>) {
  %v, %i = s2s.top_k %x k(4) dim(1)
      : (tensor<2x60xf32>) -> (tensor<2x4xf32>, tensor<2x4xi64>)
  return %v, %i : tensor<2x4xf32>, tensor<2x4xi64>
}

func.func @argmax_keepdim(%x: tensor<2x7x5xf32>) -> tensor<2x1x5xi64> {
  %idx = s2s.argmax %x dim(-2) keepdim
      : (tensor<2x7x5xf32>) -> tensor<2x1x5xi64>
  return %idx : tensor<2x1x5xi64>
}

func.func @argmax_keepdim_dim0(%x: tensor<7x5xf32>) -> tensor<1x5xi64> {
  %idx = s2s.argmax %x dim(0) keepdim : (tensor<7x5xf32>) -> tensor<1x5xi64>
  return %idx : tensor<1x5xi64>
}

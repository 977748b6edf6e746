func.func @main(%x: tensor<3xf16>) -> tensor<3xf16> {
  return %x : tensor<3xf16>
}

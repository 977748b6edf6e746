// y = x W^T + b, with x of dynamic batch: s2s-compile --bind compiles W and
// b into the library, which then takes x only (bind.test).
func.func @layer(%x: tensor<?x3xf32>, %w: tensor<2x3xf32>, %b: tensor<2xf32>)
    -> tensor<?x2xf32> {
  %y = s2s.linear %x, %w, %b
      : (tensor<?x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> tensor<?x2xf32>
  return %y : tensor<?x2xf32>
}

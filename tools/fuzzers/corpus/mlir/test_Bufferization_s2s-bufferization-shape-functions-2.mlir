func.func @residual(%x: tensor<?x?x8xf32>, %w: tensor<8x8xf32>)
    -> tensor<?x?x8xf32> {
  %y = s2s.linear %x, %w : (tensor<?x?x8xf32>, tensor<8x8xf32>)
      -> tensor<?x?x8xf32>
  %t = math.tanh %y : tensor<?x?x8xf32>
  %r = arith.addf %x, %t : tensor<?x?x8xf32>
  return %r : tensor<?x?x8xf32>
}

func.func @main(%x: tensor<?x0x2xf32>, %w: tensor<1x6x2xf32>)
    -> (tensor<?x0x2xf32>, tensor<1x0x2xf32>) {
  %y, %h_n = s2s.gru %x, %w, %w hidden_size(2)
      : (tensor<?x0x2xf32>, tensor<1x6x2xf32>, tensor<1x6x2xf32>)
      -> (tensor<?x0x2xf32>, tensor<1x0x2xf32>)
  return %y, %h_n : tensor<?x0x2xf32>, tensor<1x0x2xf32>
}

func.func @make() -> (tensor<3x0x2xf32>, tensor<1x6x2xf32>) {
  %x = arith.constant dense<0.5> : tensor<3x0x2xf32>
  %w = arith.constant dense<0.1> : tensor<1x6x2xf32>
  return %x, %w : tensor<3x0x2xf32>, tensor<1x6x2xf32>
}

func.func @main(%input: tensor<?x?x9xf32>, %weight: tensor<11x9xf32>)
    -> tensor<?x?x11xf32> {
  %output = s2s.linear %input, %weight
      : (tensor<?x?x9xf32>, tensor<11x9xf32>)
      -> tensor<?x?x11xf32>
  return %output : tensor<?x?x11xf32>
}

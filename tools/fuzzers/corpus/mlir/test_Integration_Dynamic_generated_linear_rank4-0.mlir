func.func @main(%input: tensor<?x?x?x7xf32>, %weight: tensor<5x7xf32>,
    %bias: tensor<5xf32>)
    -> tensor<?x?x?x5xf32> {
  %output = s2s.linear %input, %weight, %bias
      : (tensor<?x?x?x7xf32>, tensor<5x7xf32>, tensor<5xf32>)
      -> tensor<?x?x?x5xf32>
  return %output : tensor<?x?x?x5xf32>
}

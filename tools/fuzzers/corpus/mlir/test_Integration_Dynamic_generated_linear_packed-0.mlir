func.func @main(%input: tensor<?x?x272xf32>, %weight: tensor<336x272xf32>,
    %bias: tensor<336xf32>)
    -> tensor<?x?x336xf32> {
  %output = s2s.linear %input, %weight, %bias
      : (tensor<?x?x272xf32>, tensor<336x272xf32>, tensor<336xf32>)
      -> tensor<?x?x336xf32>
  return %output : tensor<?x?x336xf32>
}

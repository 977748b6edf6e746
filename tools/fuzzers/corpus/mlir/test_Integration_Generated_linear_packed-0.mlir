func.func @main(%input: tensor<2x35x272xf32>, %weight: tensor<336x272xf32>,
    %bias: tensor<336xf32>)
    -> tensor<2x35x336xf32> {
  %output = s2s.linear %input, %weight, %bias
      : (tensor<2x35x272xf32>, tensor<336x272xf32>, tensor<336xf32>)
      -> tensor<2x35x336xf32>
  return %output : tensor<2x35x336xf32>
}

func.func @main(%input: tensor<7xf32>, %weight: tensor<13x7xf32>,
    %bias: tensor<13xf32>)
    -> tensor<13xf32> {
  %output = s2s.linear %input, %weight, %bias
      : (tensor<7xf32>, tensor<13x7xf32>, tensor<13xf32>)
      -> tensor<13xf32>
  return %output : tensor<13xf32>
}

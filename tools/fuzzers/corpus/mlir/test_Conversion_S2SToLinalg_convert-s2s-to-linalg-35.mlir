func.func @embedding(%tokens: tensor<7x3xi64>, %table: tensor<20x8xf32>)
    -> tensor<7x3x8xf32> {
  %emb = s2s.embedding %tokens, %table
      : (tensor<7x3xi64>, tensor<20x8xf32>) -> tensor<7x3x8xf32>
  return %emb : tensor<7x3x8xf32>
}

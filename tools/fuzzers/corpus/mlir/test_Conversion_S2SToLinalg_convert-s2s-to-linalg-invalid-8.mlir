func.func @embedding_dynamic_rows(%tokens: tensor<?xi64>,
    %table: tensor<?x8xf32>) -> tensor<?x8xf32> {
  %emb = s2s.embedding %tokens, %table : (tensor<?xi64>, tensor<?x8xf32>)
      -> tensor<?x8xf32>
  return %emb : tensor<?x8xf32>
}

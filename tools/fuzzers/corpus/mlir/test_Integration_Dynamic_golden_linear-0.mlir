func.func @main(%x: tensor<?x?x16xf32>, %w: tensor<12x16xf32>,
    %b: tensor<12xf32>)
    -> tensor<?x?x12xf32> {
  %y = s2s.linear %x, %w, %b
      : (tensor<?x?x16xf32>, tensor<12x16xf32>, tensor<12xf32>)
      -> tensor<?x?x12xf32>
  return %y : tensor<?x?x12xf32>
}

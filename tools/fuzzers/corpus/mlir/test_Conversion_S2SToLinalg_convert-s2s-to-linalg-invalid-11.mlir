func.func @every_op_reported(%x: tensor<4x?xf32>, %w: tensor<16x16xf32>,
    %s: tensor<?x?x16xf32>, %r: tensor<?x?xf32>)
    -> (tensor<4x16xf32>, tensor<?x?x16xf32>, tensor<?x?xf32>) {
  %a = s2s.linear %x, %w : (tensor<4x?xf32>, tensor<16x16xf32>)
      -> tensor<4x16xf32>
  %b = s2s.linear %s, %w : (tensor<?x?x16xf32>, tensor<16x16xf32>)
      -> tensor<?x?x16xf32>
  %c = s2s.layer_norm %r normalized_shape([16])
      : (tensor<?x?xf32>) -> tensor<?x?xf32>
  return %a, %b, %c : tensor<4x16xf32>, tensor<?x?x16xf32>, tensor<?x?xf32>
}

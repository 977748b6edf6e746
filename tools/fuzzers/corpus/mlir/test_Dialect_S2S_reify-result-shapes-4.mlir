func.func @mha_weights(%q: tensor<?x?x16xf32>, %k: tensor<?x?x16xf32>,
    %v: tensor<?x?x16xf32>, %w: tensor<48x16xf32>, %wo: tensor<16x16xf32>)
    -> (index, index) {
  %out, %weights = s2s.multi_head_attention %q, %k, %v in_proj_weight(%w)
      out_proj_weight(%wo) num_heads(2) need_weights
      : (tensor<?x?x16xf32>, tensor<?x?x16xf32>, tensor<?x?x16xf32>,
         tensor<48x16xf32>, tensor<16x16xf32>)
      -> (tensor<?x?x16xf32>, tensor<?x?x?xf32>)
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %d0 = tensor.dim %weights, %c0 : tensor<?x?x?xf32>
  %d1 = tensor.dim %weights, %c2 : tensor<?x?x?xf32>
  return %d0, %d1 : index, index
}

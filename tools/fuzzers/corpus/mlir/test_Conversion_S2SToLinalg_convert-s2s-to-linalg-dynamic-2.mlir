func.func @mha(%x: tensor<?x?x16xf32>, %w: tensor<48x16xf32>,
    %wo: tensor<16x16xf32>) -> tensor<?x?x16xf32> {
  %out = s2s.multi_head_attention %x in_proj_weight(%w) out_proj_weight(%wo)
      num_heads(2) batch_first
      : (tensor<?x?x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>)
      -> tensor<?x?x16xf32>
  return %out : tensor<?x?x16xf32>
}

func.func @mha_mask_per_head(%x: tensor<?x?x16xf32>, %w: tensor<48x16xf32>,
    %wo: tensor<16x16xf32>, %mask: tensor<?x?x?xi1>) -> tensor<?x?x16xf32> {
  %out = s2s.multi_head_attention %x in_proj_weight(%w) out_proj_weight(%wo)
      attn_mask(%mask) num_heads(2) batch_first
      : (tensor<?x?x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>,
         tensor<?x?x?xi1>) -> tensor<?x?x16xf32>
  return %out : tensor<?x?x16xf32>
}

func.func @mha_attn_mask_rank_1(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>,
    %attn_mask: tensor<5xi1>) {
  %0 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) attn_mask(%attn_mask) num_heads(4)
      : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>, tensor<5xi1>)
      -> tensor<5x2x16xf32>
  return
}

func.func @mha_attn_mask_rank2(%x: tensor<2x10x32xf32>, %w_in: tensor<96x32xf32>,
    %w_out: tensor<32x32xf32>, %attn_mask: tensor<10x10xi1>) -> tensor<2x10x32xf32> {
  %out = s2s.multi_head_attention %x in_proj_weight(%w_in)
      out_proj_weight(%w_out) attn_mask(%attn_mask) num_heads(4) batch_first
      : (tensor<2x10x32xf32>, tensor<96x32xf32>, tensor<32x32xf32>,
         tensor<10x10xi1>) -> tensor<2x10x32xf32>
  return %out : tensor<2x10x32xf32>
}

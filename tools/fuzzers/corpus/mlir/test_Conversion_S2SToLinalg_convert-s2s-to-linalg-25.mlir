func.func @mha_masks_causal(%x: tensor<2x10x32xf32>, %w_in: tensor<96x32xf32>,
    %w_out: tensor<32x32xf32>, %kpm: tensor<2x10xi1>,
    %attn_mask: tensor<8x10x10xf32>) -> tensor<2x10x32xf32> {
  %out = s2s.multi_head_attention %x in_proj_weight(%w_in)
      out_proj_weight(%w_out) key_padding_mask(%kpm) attn_mask(%attn_mask)
      num_heads(4) batch_first causal
      : (tensor<2x10x32xf32>, tensor<96x32xf32>, tensor<32x32xf32>,
         tensor<2x10xi1>, tensor<8x10x10xf32>) -> tensor<2x10x32xf32>
  return %out : tensor<2x10x32xf32>
}

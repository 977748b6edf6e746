func.func @mha_tiled(%x: tensor<2x24x32xf32>, %w_in: tensor<96x32xf32>,
                     %w_out: tensor<32x32xf32>, %kpm: tensor<2x24xi1>)
    -> tensor<2x24x32xf32> {
  %out = s2s.multi_head_attention %x in_proj_weight(%w_in)
      out_proj_weight(%w_out) key_padding_mask(%kpm) num_heads(4) batch_first
      : (tensor<2x24x32xf32>, tensor<96x32xf32>, tensor<32x32xf32>,
         tensor<2x24xi1>) -> tensor<2x24x32xf32>
  return %out : tensor<2x24x32xf32>
}

func.func @mha_self(%x: tensor<2x5x8xf32>, %w_in: tensor<24x8xf32>,
    %w_out: tensor<8x8xf32>) -> tensor<2x5x8xf32> {
  %kpm = arith.constant dense<true> : tensor<2x5xi1>
  %am = arith.constant dense<0.0> : tensor<5x5xf32>
  %out = s2s.multi_head_attention %x, %x, %x in_proj_weight(%w_in)
      out_proj_weight(%w_out) key_padding_mask(%kpm) attn_mask(%am)
      num_heads(2) batch_first
      : (tensor<2x5x8xf32>, tensor<2x5x8xf32>, tensor<2x5x8xf32>,
         tensor<24x8xf32>, tensor<8x8xf32>, tensor<2x5xi1>, tensor<5x5xf32>)
      -> tensor<2x5x8xf32>
  return %out : tensor<2x5x8xf32>
}

func.func @mha_packed_self_attention(%x: tensor<2x10x32xf32>,
    %w_in: tensor<96x32xf32>, %b_in: tensor<96xf32>, %w_out: tensor<32x32xf32>,
    %b_out: tensor<32xf32>) -> tensor<2x10x32xf32> {
  %out = s2s.multi_head_attention %x in_proj_weight(%w_in) in_proj_bias(%b_in)
      out_proj_weight(%w_out) out_proj_bias(%b_out) num_heads(4) batch_first
      : (tensor<2x10x32xf32>, tensor<96x32xf32>, tensor<96xf32>,
         tensor<32x32xf32>, tensor<32xf32>) -> tensor<2x10x32xf32>
  return %out : tensor<2x10x32xf32>
}

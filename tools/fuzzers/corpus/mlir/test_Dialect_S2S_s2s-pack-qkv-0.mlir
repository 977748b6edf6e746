func.func @pack_self_attention(%x: tensor<2x10x32xf32>, %wq: tensor<32x32xf32>,
    %wk: tensor<32x32xf32>, %wv: tensor<32x32xf32>, %b: tensor<96xf32>,
    %wo: tensor<32x32xf32>, %kpm: tensor<2x10xi1>) -> tensor<2x10x32xf32> {
  %out = s2s.multi_head_attention %x, %x, %x q_proj_weight(%wq)
      k_proj_weight(%wk) v_proj_weight(%wv) in_proj_bias(%b)
      out_proj_weight(%wo) key_padding_mask(%kpm) num_heads(4) batch_first
      causal
      : (tensor<2x10x32xf32>, tensor<2x10x32xf32>, tensor<2x10x32xf32>,
         tensor<32x32xf32>, tensor<32x32xf32>, tensor<32x32xf32>,
         tensor<96xf32>, tensor<32x32xf32>, tensor<2x10xi1>)
      -> tensor<2x10x32xf32>
  return %out : tensor<2x10x32xf32>
}

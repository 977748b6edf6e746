func.func @mha_dynamic_embedding(%x: tensor<?x10x?xf32>,
    %w_in: tensor<96x32xf32>, %w_out: tensor<32x32xf32>)
    -> tensor<?x10x?xf32> {
  %out = s2s.multi_head_attention %x in_proj_weight(%w_in)
      out_proj_weight(%w_out) num_heads(4) batch_first
      : (tensor<?x10x?xf32>, tensor<96x32xf32>, tensor<32x32xf32>)
      -> tensor<?x10x?xf32>
  return %out : tensor<?x10x?xf32>
}

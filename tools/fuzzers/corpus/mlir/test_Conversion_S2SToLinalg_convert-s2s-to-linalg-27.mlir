func.func @mha_need_weights(%x: tensor<2x10x32xf32>, %w_in: tensor<96x32xf32>,
    %w_out: tensor<32x32xf32>) -> (tensor<2x10x32xf32>, tensor<2x10x10xf32>) {
  %out, %avg = s2s.multi_head_attention %x in_proj_weight(%w_in)
      out_proj_weight(%w_out) num_heads(4) batch_first need_weights
      : (tensor<2x10x32xf32>, tensor<96x32xf32>, tensor<32x32xf32>)
      -> (tensor<2x10x32xf32>, tensor<2x10x10xf32>)
  return %out, %avg : tensor<2x10x32xf32>, tensor<2x10x10xf32>
}

func.func @negative_mha_need_weights(%x: tensor<2x24x32xf32>,
                                     %w_in: tensor<96x32xf32>,
                                     %w_out: tensor<32x32xf32>)
    -> (tensor<2x24x32xf32>, tensor<2x24x24xf32>) {
  %out, %w = s2s.multi_head_attention %x in_proj_weight(%w_in)
      out_proj_weight(%w_out) num_heads(4) batch_first need_weights
      : (tensor<2x24x32xf32>, tensor<96x32xf32>, tensor<32x32xf32>)
      -> (tensor<2x24x32xf32>, tensor<2x24x24xf32>)
  return %out, %w : tensor<2x24x32xf32>, tensor<2x24x24xf32>
}

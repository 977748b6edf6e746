func.func @main(%query: tensor<2x5x9xf32>, %in_proj_weight: tensor<27x9xf32>,
    %in_proj_bias: tensor<27xf32>, %out_proj_weight: tensor<9x9xf32>,
    %out_proj_bias: tensor<9xf32>, %attn_mask: tensor<6x5x5xi1>)
    -> (tensor<2x5x9xf32>, tensor<2x5x5xf32>) {
  %out, %avg_weights = s2s.multi_head_attention %query
      in_proj_weight(%in_proj_weight) in_proj_bias(%in_proj_bias)
      out_proj_weight(%out_proj_weight) out_proj_bias(%out_proj_bias)
      attn_mask(%attn_mask) num_heads(3) batch_first need_weights
      : (tensor<2x5x9xf32>, tensor<27x9xf32>, tensor<27xf32>, tensor<9x9xf32>,
         tensor<9xf32>, tensor<6x5x5xi1>)
      -> (tensor<2x5x9xf32>, tensor<2x5x5xf32>)
  return %out, %avg_weights : tensor<2x5x9xf32>, tensor<2x5x5xf32>
}

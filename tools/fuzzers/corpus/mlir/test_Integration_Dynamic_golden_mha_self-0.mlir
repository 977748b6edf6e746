func.func @main(%query: tensor<?x?x32xf32>, %in_proj_weight: tensor<96x32xf32>,
    %in_proj_bias: tensor<96xf32>, %out_proj_weight: tensor<32x32xf32>,
    %out_proj_bias: tensor<32xf32>, %key_padding_mask: tensor<?x?xi1>)
    -> (tensor<?x?x32xf32>, tensor<?x?x?xf32>) {
  %out, %avg_weights = s2s.multi_head_attention %query
      in_proj_weight(%in_proj_weight) in_proj_bias(%in_proj_bias)
      out_proj_weight(%out_proj_weight) out_proj_bias(%out_proj_bias)
      key_padding_mask(%key_padding_mask) num_heads(4) batch_first need_weights
      : (tensor<?x?x32xf32>, tensor<96x32xf32>, tensor<96xf32>,
         tensor<32x32xf32>, tensor<32xf32>, tensor<?x?xi1>)
      -> (tensor<?x?x32xf32>, tensor<?x?x?xf32>)
  return %out, %avg_weights : tensor<?x?x32xf32>, tensor<?x?x?xf32>
}

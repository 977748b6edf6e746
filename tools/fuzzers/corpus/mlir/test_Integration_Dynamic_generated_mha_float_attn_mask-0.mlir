func.func @main(%query: tensor<?x?x16xf32>, %key: tensor<?x?x16xf32>,
    %value: tensor<?x?x16xf32>, %in_proj_weight: tensor<48x16xf32>,
    %in_proj_bias: tensor<48xf32>, %out_proj_weight: tensor<16x16xf32>,
    %out_proj_bias: tensor<16xf32>, %attn_mask: tensor<?x?xf32>)
    -> (tensor<?x?x16xf32>, tensor<?x?x?xf32>) {
  %out, %avg_weights = s2s.multi_head_attention %query, %key, %value
      in_proj_weight(%in_proj_weight) in_proj_bias(%in_proj_bias)
      out_proj_weight(%out_proj_weight) out_proj_bias(%out_proj_bias)
      attn_mask(%attn_mask) num_heads(4) need_weights
      : (tensor<?x?x16xf32>, tensor<?x?x16xf32>, tensor<?x?x16xf32>,
         tensor<48x16xf32>, tensor<48xf32>, tensor<16x16xf32>, tensor<16xf32>,
         tensor<?x?xf32>)
      -> (tensor<?x?x16xf32>, tensor<?x?x?xf32>)
  return %out, %avg_weights : tensor<?x?x16xf32>, tensor<?x?x?xf32>
}

func.func @main(%query: tensor<?x?x12xf32>, %key: tensor<?x?x6xf32>,
    %value: tensor<?x?x10xf32>, %q_proj_weight: tensor<12x12xf32>,
    %k_proj_weight: tensor<12x6xf32>, %v_proj_weight: tensor<12x10xf32>,
    %in_proj_bias: tensor<36xf32>, %out_proj_weight: tensor<12x12xf32>,
    %out_proj_bias: tensor<12xf32>, %key_padding_mask: tensor<?x?xi1>)
    -> (tensor<?x?x12xf32>, tensor<?x?x?xf32>) {
  %out, %avg_weights = s2s.multi_head_attention %query, %key, %value
      q_proj_weight(%q_proj_weight) k_proj_weight(%k_proj_weight)
      v_proj_weight(%v_proj_weight) in_proj_bias(%in_proj_bias)
      out_proj_weight(%out_proj_weight) out_proj_bias(%out_proj_bias)
      key_padding_mask(%key_padding_mask) num_heads(3) need_weights
      : (tensor<?x?x12xf32>, tensor<?x?x6xf32>, tensor<?x?x10xf32>,
         tensor<12x12xf32>, tensor<12x6xf32>, tensor<12x10xf32>, tensor<36xf32>,
         tensor<12x12xf32>, tensor<12xf32>, tensor<?x?xi1>)
      -> (tensor<?x?x12xf32>, tensor<?x?x?xf32>)
  return %out, %avg_weights : tensor<?x?x12xf32>, tensor<?x?x?xf32>
}

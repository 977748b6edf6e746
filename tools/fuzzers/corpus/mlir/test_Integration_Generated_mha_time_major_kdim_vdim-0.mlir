func.func @main(%query: tensor<4x2x12xf32>, %key: tensor<5x2x6xf32>,
    %value: tensor<5x2x10xf32>, %q_proj_weight: tensor<12x12xf32>,
    %k_proj_weight: tensor<12x6xf32>, %v_proj_weight: tensor<12x10xf32>,
    %in_proj_bias: tensor<36xf32>, %out_proj_weight: tensor<12x12xf32>,
    %out_proj_bias: tensor<12xf32>, %key_padding_mask: tensor<2x5xi1>)
    -> (tensor<4x2x12xf32>, tensor<2x4x5xf32>) {
  %out, %avg_weights = s2s.multi_head_attention %query, %key, %value
      q_proj_weight(%q_proj_weight) k_proj_weight(%k_proj_weight)
      v_proj_weight(%v_proj_weight) in_proj_bias(%in_proj_bias)
      out_proj_weight(%out_proj_weight) out_proj_bias(%out_proj_bias)
      key_padding_mask(%key_padding_mask) num_heads(3) need_weights
      : (tensor<4x2x12xf32>, tensor<5x2x6xf32>, tensor<5x2x10xf32>,
         tensor<12x12xf32>, tensor<12x6xf32>, tensor<12x10xf32>, tensor<36xf32>,
         tensor<12x12xf32>, tensor<12xf32>, tensor<2x5xi1>)
      -> (tensor<4x2x12xf32>, tensor<2x4x5xf32>)
  return %out, %avg_weights : tensor<4x2x12xf32>, tensor<2x4x5xf32>
}

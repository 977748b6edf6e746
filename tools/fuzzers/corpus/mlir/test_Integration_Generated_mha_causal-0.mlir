func.func @main(%query: tensor<6x2x8xf32>, %in_proj_weight: tensor<24x8xf32>,
    %in_proj_bias: tensor<24xf32>, %out_proj_weight: tensor<8x8xf32>,
    %out_proj_bias: tensor<8xf32>)
    -> (tensor<6x2x8xf32>, tensor<2x6x6xf32>) {
  %out, %avg_weights = s2s.multi_head_attention %query
      in_proj_weight(%in_proj_weight) in_proj_bias(%in_proj_bias)
      out_proj_weight(%out_proj_weight) out_proj_bias(%out_proj_bias)
      num_heads(2) causal need_weights
      : (tensor<6x2x8xf32>, tensor<24x8xf32>, tensor<24xf32>, tensor<8x8xf32>,
         tensor<8xf32>)
      -> (tensor<6x2x8xf32>, tensor<2x6x6xf32>)
  return %out, %avg_weights : tensor<6x2x8xf32>, tensor<2x6x6xf32>
}

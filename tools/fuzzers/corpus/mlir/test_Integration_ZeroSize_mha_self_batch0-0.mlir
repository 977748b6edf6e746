func.func @main(%query: tensor<3x0x8xf32>, %q_proj_weight: tensor<8x8xf32>,
    %k_proj_weight: tensor<8x8xf32>, %v_proj_weight: tensor<8x8xf32>,
    %out_proj_weight: tensor<8x8xf32>)
    -> (tensor<3x0x8xf32>, tensor<0x3x3xf32>) {
  %out, %avg_weights = s2s.multi_head_attention %query
      q_proj_weight(%q_proj_weight) k_proj_weight(%k_proj_weight)
      v_proj_weight(%v_proj_weight) out_proj_weight(%out_proj_weight)
      num_heads(2) need_weights
      : (tensor<3x0x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>,
         tensor<8x8xf32>, tensor<8x8xf32>)
      -> (tensor<3x0x8xf32>, tensor<0x3x3xf32>)
  return %out, %avg_weights : tensor<3x0x8xf32>, tensor<0x3x3xf32>
}

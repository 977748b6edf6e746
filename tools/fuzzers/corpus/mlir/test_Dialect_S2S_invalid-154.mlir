func.func @mha_k_proj_weight_shape(%query: tensor<5x2x16xf32>,
    %key: tensor<7x2x12xf32>, %value: tensor<7x2x10xf32>,
    %q_proj_weight: tensor<16x16xf32>, %k_proj_weight: tensor<16x16xf32>,
    %v_proj_weight: tensor<16x10xf32>, %out_proj_weight: tensor<16x16xf32>) {
  %0 = s2s.multi_head_attention %query, %key, %value
      q_proj_weight(%q_proj_weight) k_proj_weight(%k_proj_weight)
      v_proj_weight(%v_proj_weight) out_proj_weight(%out_proj_weight)
      num_heads(4) : (tensor<5x2x16xf32>, tensor<7x2x12xf32>,
      tensor<7x2x10xf32>, tensor<16x16xf32>, tensor<16x16xf32>,
      tensor<16x10xf32>, tensor<16x16xf32>) -> tensor<5x2x16xf32>
  return
}

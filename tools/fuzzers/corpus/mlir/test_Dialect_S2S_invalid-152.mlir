func.func @mha_missing_v_proj_weight(%query: tensor<5x2x16xf32>,
    %q_proj_weight: tensor<16x16xf32>, %k_proj_weight: tensor<16x16xf32>,
    %out_proj_weight: tensor<16x16xf32>) {
  %0 = s2s.multi_head_attention %query q_proj_weight(%q_proj_weight)
      k_proj_weight(%k_proj_weight) out_proj_weight(%out_proj_weight)
      num_heads(4) : (tensor<5x2x16xf32>, tensor<16x16xf32>, tensor<16x16xf32>,
      tensor<16x16xf32>) -> tensor<5x2x16xf32>
  return
}

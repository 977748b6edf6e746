func.func @mha_separate_weights(%query: tensor<3x2x16xf32>,
    %key: tensor<7x2x12xf32>, %value: tensor<7x2x20xf32>,
    %w_q: tensor<16x16xf32>, %w_k: tensor<16x12xf32>, %w_v: tensor<16x20xf32>,
    %w_out: tensor<16x16xf32>) -> tensor<3x2x16xf32> {
  %out = s2s.multi_head_attention %query, %key, %value q_proj_weight(%w_q)
      k_proj_weight(%w_k) v_proj_weight(%w_v) out_proj_weight(%w_out)
      num_heads(2)
      : (tensor<3x2x16xf32>, tensor<7x2x12xf32>, tensor<7x2x20xf32>,
         tensor<16x16xf32>, tensor<16x12xf32>, tensor<16x20xf32>,
         tensor<16x16xf32>) -> tensor<3x2x16xf32>
  return %out : tensor<3x2x16xf32>
}

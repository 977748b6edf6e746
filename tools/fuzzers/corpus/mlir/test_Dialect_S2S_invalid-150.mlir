func.func @mha_no_projection(%query: tensor<5x2x16xf32>,
    %out_proj_weight: tensor<16x16xf32>) {
  %0 = s2s.multi_head_attention %query out_proj_weight(%out_proj_weight)
      num_heads(4) : (tensor<5x2x16xf32>, tensor<16x16xf32>)
      -> tensor<5x2x16xf32>
  return
}

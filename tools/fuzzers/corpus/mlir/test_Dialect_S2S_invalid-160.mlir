func.func @mha_out_proj_weight_element_type(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf64>) {
  %0 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) num_heads(4)
      : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf64>)
      -> tensor<5x2x16xf32>
  return
}

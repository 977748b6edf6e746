func.func @mha_value_element_type(%query: tensor<5x2x16xf32>,
    %key: tensor<7x2x16xf32>, %value: tensor<7x2x16xf64>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>) {
  %0 = s2s.multi_head_attention %query, %key, %value
      in_proj_weight(%in_proj_weight) out_proj_weight(%out_proj_weight)
      num_heads(4) : (tensor<5x2x16xf32>, tensor<7x2x16xf32>,
      tensor<7x2x16xf64>, tensor<48x16xf32>, tensor<16x16xf32>)
      -> tensor<5x2x16xf32>
  return
}

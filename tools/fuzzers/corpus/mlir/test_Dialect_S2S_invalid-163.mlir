func.func @mha_key_padding_mask_shape(%query: tensor<5x2x16xf32>,
    %key: tensor<7x2x16xf32>, %value: tensor<7x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>,
    %key_padding_mask: tensor<2x5xi1>) {
  %0 = s2s.multi_head_attention %query, %key, %value
      in_proj_weight(%in_proj_weight) out_proj_weight(%out_proj_weight)
      key_padding_mask(%key_padding_mask) num_heads(4) : (tensor<5x2x16xf32>,
      tensor<7x2x16xf32>, tensor<7x2x16xf32>, tensor<48x16xf32>,
      tensor<16x16xf32>, tensor<2x5xi1>) -> tensor<5x2x16xf32>
  return
}

func.func @mha_key_without_value(%query: tensor<5x2x16xf32>,
    %key: tensor<7x2x16xf32>, %in_proj_weight: tensor<48x16xf32>,
    %out_proj_weight: tensor<16x16xf32>) {
  %0 = "s2s.multi_head_attention"(%query, %key, %in_proj_weight,
                                  %out_proj_weight)
      <{num_heads = 4 : i64,
        operandSegmentSizes = array<i32: 1, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0>}>
      : (tensor<5x2x16xf32>, tensor<7x2x16xf32>, tensor<48x16xf32>,
         tensor<16x16xf32>) -> tensor<5x2x16xf32>
  return
}

func.func @main(%query: tensor<2x0x8xf32>, %in_proj_weight: tensor<24x8xf32>,
    %in_proj_bias: tensor<24xf32>, %out_proj_weight: tensor<8x8xf32>,
    %out_proj_bias: tensor<8xf32>) -> tensor<2x0x8xf32> {
  %out = s2s.multi_head_attention %query
      in_proj_weight(%in_proj_weight) in_proj_bias(%in_proj_bias)
      out_proj_weight(%out_proj_weight) out_proj_bias(%out_proj_bias)
      num_heads(2) batch_first
      : (tensor<2x0x8xf32>, tensor<24x8xf32>, tensor<24xf32>,
         tensor<8x8xf32>, tensor<8xf32>) -> tensor<2x0x8xf32>
  return %out : tensor<2x0x8xf32>
}

func.func @main(%x: tensor<2x8x32xf32>,
                %key_padding_mask: tensor<2x8xi1>,
                %self_attn_in_proj_weight: tensor<96x32xf32>,
                %self_attn_in_proj_bias: tensor<96xf32>,
                %self_attn_out_proj_weight: tensor<32x32xf32>,
                %self_attn_out_proj_bias: tensor<32xf32>,
                %linear1_weight: tensor<64x32xf32>,
                %linear1_bias: tensor<64xf32>,
                %linear2_weight: tensor<32x64xf32>,
                %linear2_bias: tensor<32xf32>,
                %norm1_weight: tensor<32xf32>,
                %norm1_bias: tensor<32xf32>,
                %norm2_weight: tensor<32xf32>,
                %norm2_bias: tensor<32xf32>) -> tensor<2x8x32xf32> {
  %attn = s2s.multi_head_attention %x
      in_proj_weight(%self_attn_in_proj_weight)
      in_proj_bias(%self_attn_in_proj_bias)
      out_proj_weight(%self_attn_out_proj_weight)
      out_proj_bias(%self_attn_out_proj_bias)
      key_padding_mask(%key_padding_mask) num_heads(4) batch_first
      : (tensor<2x8x32xf32>, tensor<96x32xf32>, tensor<96xf32>,
         tensor<32x32xf32>, tensor<32xf32>, tensor<2x8xi1>)
      -> tensor<2x8x32xf32>
  %res1 = arith.addf %x, %attn : tensor<2x8x32xf32>
  %x1 = s2s.layer_norm %res1 weight(%norm1_weight) bias(%norm1_bias)
      normalized_shape([32]) eps(1.0e-05)
      : (tensor<2x8x32xf32>, tensor<32xf32>, tensor<32xf32>)
      -> tensor<2x8x32xf32>

  %ff1 = s2s.linear %x1, %linear1_weight, %linear1_bias
      : (tensor<2x8x32xf32>, tensor<64x32xf32>, tensor<64xf32>)
      -> tensor<2x8x64xf32>
  %zero = arith.constant dense<0.0> : tensor<2x8x64xf32>
  %relu = arith.maximumf %ff1, %zero : tensor<2x8x64xf32>
  %ff2 = s2s.linear %relu, %linear2_weight, %linear2_bias
      : (tensor<2x8x64xf32>, tensor<32x64xf32>, tensor<32xf32>)
      -> tensor<2x8x32xf32>
  %res2 = arith.addf %x1, %ff2 : tensor<2x8x32xf32>
  %y = s2s.layer_norm %res2 weight(%norm2_weight) bias(%norm2_bias)
      normalized_shape([32]) eps(1.0e-05)
      : (tensor<2x8x32xf32>, tensor<32xf32>, tensor<32xf32>)
      -> tensor<2x8x32xf32>

  return %y : tensor<2x8x32xf32>
}

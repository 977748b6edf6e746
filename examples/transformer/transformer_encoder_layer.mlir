// One Transformer encoder layer (nn.TransformerEncoderLayer).
//
// The model of the golden case transformer_encoder_layer
// (data/manifest.json): nn.TransformerEncoderLayer(d_model = 32, nhead = 4,
// dim_feedforward = 64, activation = relu, norm_first = False,
// layer_norm_eps = 1e-5, batch_first = True) in eval mode (no dropout):
//
//   x = LN1(x + MHA(x, x, x, key_padding_mask))
//   y = LN2(x + linear2(relu(linear1(x))))
//
// Sizes: batch B = 2, sequence T = 8, d_model E = 32, 4 heads of 8,
// feed-forward width 64.
//
// Arguments of @main (the manifest's inputs, in order; the tensors of the
// PyTorch module's state_dict, unchanged):
//    0 x                          tensor<2x8x32xf32>  input [B, T, E]
//    1 key_padding_mask           tensor<2x8xi1>      [B, T], true = may attend
//                                                     (the inverse of PyTorch's)
//    2 self_attn_in_proj_weight   tensor<96x32xf32>   packed W_q; W_k; W_v
//    3 self_attn_in_proj_bias     tensor<96xf32>
//    4 self_attn_out_proj_weight  tensor<32x32xf32>
//    5 self_attn_out_proj_bias    tensor<32xf32>
//    6 linear1_weight             tensor<64x32xf32>
//    7 linear1_bias               tensor<64xf32>
//    8 linear2_weight             tensor<32x64xf32>
//    9 linear2_bias               tensor<32xf32>
//   10 norm1_weight               tensor<32xf32>
//   11 norm1_bias                 tensor<32xf32>
//   12 norm2_weight               tensor<32xf32>
//   13 norm2_bias                 tensor<32xf32>
// Result: y tensor<2x8x32xf32>.
//
// examples/transformer/reference.py is a NumPy transcription of this
// function, op by op, checked against the golden y.

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
  // Self-attention block: x1 = LN1(x + MHA(x)).
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

  // Feed-forward block: y = LN2(x1 + linear2(relu(linear1(x1)))).
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

// s2s.multi_head_attention over 0 keys (batch_first, key = value): the
// attention of every head is 0, so the output is the output projection's
// bias at every query.

// RUN: s2s-run %s --input=%S/Inputs/mha_no_keys/query.npy --input=%S/Inputs/mha_no_keys/key.npy --input=%S/Inputs/mha_no_keys/in_proj_weight.npy --input=%S/Inputs/mha_no_keys/in_proj_bias.npy --input=%S/Inputs/mha_no_keys/out_proj_weight.npy --input=%S/Inputs/mha_no_keys/out_proj_bias.npy --expect=%S/Inputs/mha_no_keys/out.npy --rtol=1e-6 --quiet | FileCheck %s
// CHECK: result #0: matches {{.*}}/out.npy (48 elements

func.func @main(%query: tensor<2x3x8xf32>, %key: tensor<2x0x8xf32>,
    %in_proj_weight: tensor<24x8xf32>, %in_proj_bias: tensor<24xf32>,
    %out_proj_weight: tensor<8x8xf32>, %out_proj_bias: tensor<8xf32>)
    -> tensor<2x3x8xf32> {
  %out = s2s.multi_head_attention %query, %key, %key
      in_proj_weight(%in_proj_weight) in_proj_bias(%in_proj_bias)
      out_proj_weight(%out_proj_weight) out_proj_bias(%out_proj_bias)
      num_heads(2) batch_first
      : (tensor<2x3x8xf32>, tensor<2x0x8xf32>, tensor<2x0x8xf32>,
         tensor<24x8xf32>, tensor<24xf32>, tensor<8x8xf32>, tensor<8xf32>)
      -> tensor<2x3x8xf32>
  return %out : tensor<2x3x8xf32>
}

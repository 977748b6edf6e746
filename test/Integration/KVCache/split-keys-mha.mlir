// Multi-head self-attention (time-major blocks inside: [B, T, H, D]) with
// a key padding mask, its keys split into chunks (attention-key-splits=16
// with blocks of 4 keys: 2 x 4 = 8 (batch, head) pairs, so 2 chunks of the
// 3 key blocks of each), against PyTorch's nn.MultiheadAttention (the golden
// case mha_self; its output, without the weights).

// RUN: s2s-run %s --pipeline-options='attention-key-splits=16 attention-block-k=4' \
// RUN:   --input=%S/../Golden/Inputs/mha_self/query.npy \
// RUN:   --input=%S/../Golden/Inputs/mha_self/in_proj_weight.npy \
// RUN:   --input=%S/../Golden/Inputs/mha_self/in_proj_bias.npy \
// RUN:   --input=%S/../Golden/Inputs/mha_self/out_proj_weight.npy \
// RUN:   --input=%S/../Golden/Inputs/mha_self/out_proj_bias.npy \
// RUN:   --input=%S/../Golden/Inputs/mha_self/key_padding_mask.npy \
// RUN:   --expect=%S/../Golden/Inputs/mha_self/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s
// RUN: s2s-run %s --pipeline-options='threads=2 parallel-min-flops=0 attention-block-k=4' \
// RUN:   --input=%S/../Golden/Inputs/mha_self/query.npy \
// RUN:   --input=%S/../Golden/Inputs/mha_self/in_proj_weight.npy \
// RUN:   --input=%S/../Golden/Inputs/mha_self/in_proj_bias.npy \
// RUN:   --input=%S/../Golden/Inputs/mha_self/out_proj_weight.npy \
// RUN:   --input=%S/../Golden/Inputs/mha_self/out_proj_bias.npy \
// RUN:   --input=%S/../Golden/Inputs/mha_self/key_padding_mask.npy \
// RUN:   --expect=%S/../Golden/Inputs/mha_self/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy

func.func @main(%query: tensor<?x?x32xf32>, %in_proj_weight: tensor<96x32xf32>,
    %in_proj_bias: tensor<96xf32>, %out_proj_weight: tensor<32x32xf32>,
    %out_proj_bias: tensor<32xf32>, %key_padding_mask: tensor<?x?xi1>)
    -> tensor<?x?x32xf32> {
  %out = s2s.multi_head_attention %query
      in_proj_weight(%in_proj_weight) in_proj_bias(%in_proj_bias)
      out_proj_weight(%out_proj_weight) out_proj_bias(%out_proj_bias)
      key_padding_mask(%key_padding_mask) num_heads(4) batch_first
      : (tensor<?x?x32xf32>, tensor<96x32xf32>, tensor<96xf32>,
         tensor<32x32xf32>, tensor<32xf32>, tensor<?x?xi1>)
      -> tensor<?x?x32xf32>
  return %out : tensor<?x?x32xf32>
}

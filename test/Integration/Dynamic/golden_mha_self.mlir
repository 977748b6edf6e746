// Dynamic-shape variant of Golden/mha_self.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// Golden case mha_self: s2s.multi_head_attention against nn.MultiheadAttention,
// reference data from /work/shared/golden/mha_self (copied to Inputs/mha_self).
// Attributes as in its manifest: {"num_heads": 4, "batch_first": true}.
// Manifest notes: nn.MultiheadAttention(batch_first=True) semantics:
// in_proj_weight [3E,E] packs Wq;Wk;Wv, out_proj_weight [E,E]. key_padding_mask
// here is true = may attend (the inverse of PyTorch's key_padding_mask).
// avg_weights: attention weights averaged over heads [B,Tq,Tk]. Self-attention:
// key = value = query.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Golden/Inputs/mha_self/query.npy \
// RUN:   --input=%S/../Golden/Inputs/mha_self/in_proj_weight.npy \
// RUN:   --input=%S/../Golden/Inputs/mha_self/in_proj_bias.npy \
// RUN:   --input=%S/../Golden/Inputs/mha_self/out_proj_weight.npy \
// RUN:   --input=%S/../Golden/Inputs/mha_self/out_proj_bias.npy \
// RUN:   --input=%S/../Golden/Inputs/mha_self/key_padding_mask.npy \
// RUN:   --expect=%S/../Golden/Inputs/mha_self/out.npy \
// RUN:   --expect=%S/../Golden/Inputs/mha_self/avg_weights.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy
// CHECK: result #1: matches {{.*}}/avg_weights.npy

func.func @main(%query: tensor<?x?x32xf32>, %in_proj_weight: tensor<96x32xf32>,
    %in_proj_bias: tensor<96xf32>, %out_proj_weight: tensor<32x32xf32>,
    %out_proj_bias: tensor<32xf32>, %key_padding_mask: tensor<?x?xi1>)
    -> (tensor<?x?x32xf32>, tensor<?x?x?xf32>) {
  %out, %avg_weights = s2s.multi_head_attention %query
      in_proj_weight(%in_proj_weight) in_proj_bias(%in_proj_bias)
      out_proj_weight(%out_proj_weight) out_proj_bias(%out_proj_bias)
      key_padding_mask(%key_padding_mask) num_heads(4) batch_first need_weights
      : (tensor<?x?x32xf32>, tensor<96x32xf32>, tensor<96xf32>,
         tensor<32x32xf32>, tensor<32xf32>, tensor<?x?xi1>)
      -> (tensor<?x?x32xf32>, tensor<?x?x?xf32>)
  return %out, %avg_weights : tensor<?x?x32xf32>, tensor<?x?x?xf32>
}

// Dynamic-shape variant of Generated/mha_causal.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.multi_head_attention self-attention with causal (Tq == Tk, where the
// bottom-right aligned mask equals PyTorch's causal mask), time-major,
// need_weights, against nn.MultiheadAttention with the explicit upper
// triangular attn_mask (PyTorch 1.13's module has no is_causal).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/mha_causal/query.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_causal/in_proj_weight.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_causal/in_proj_bias.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_causal/out_proj_weight.npy \
// RUN:   --input=%S/../Generated/Inputs/mha_causal/out_proj_bias.npy \
// RUN:   --expect=%S/../Generated/Inputs/mha_causal/out.npy \
// RUN:   --expect=%S/../Generated/Inputs/mha_causal/avg_weights.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy
// CHECK: result #1: matches {{.*}}/avg_weights.npy

func.func @main(%query: tensor<?x?x8xf32>, %in_proj_weight: tensor<24x8xf32>,
    %in_proj_bias: tensor<24xf32>, %out_proj_weight: tensor<8x8xf32>,
    %out_proj_bias: tensor<8xf32>)
    -> (tensor<?x?x8xf32>, tensor<?x?x?xf32>) {
  %out, %avg_weights = s2s.multi_head_attention %query
      in_proj_weight(%in_proj_weight) in_proj_bias(%in_proj_bias)
      out_proj_weight(%out_proj_weight) out_proj_bias(%out_proj_bias)
      num_heads(2) causal need_weights
      : (tensor<?x?x8xf32>, tensor<24x8xf32>, tensor<24xf32>, tensor<8x8xf32>,
         tensor<8xf32>)
      -> (tensor<?x?x8xf32>, tensor<?x?x?xf32>)
  return %out, %avg_weights : tensor<?x?x8xf32>, tensor<?x?x?xf32>
}

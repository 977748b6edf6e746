// Causal grouped-query s2s.scaled_dot_product_attention (4 heads over 2
// key/value heads) over 0 keys: zeros, whatever the causal shift Tk - Tq.

// RUN: s2s-run %s --input=%S/Inputs/sdpa_causal_gqa_no_keys/query.npy --input=%S/Inputs/sdpa_causal_gqa_no_keys/key.npy --input=%S/Inputs/sdpa_causal_gqa_no_keys/value.npy --expect=%S/Inputs/sdpa_causal_gqa_no_keys/out.npy --quiet | FileCheck %s
// CHECK: result #0: matches {{.*}}/out.npy (192 elements

func.func @main(%query: tensor<2x4x3x8xf32>, %key: tensor<2x2x0x8xf32>,
    %value: tensor<2x2x0x8xf32>) -> tensor<2x4x3x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value causal
      : (tensor<2x4x3x8xf32>, tensor<2x2x0x8xf32>, tensor<2x2x0x8xf32>)
      -> tensor<2x4x3x8xf32>
  return %out : tensor<2x4x3x8xf32>
}

// s2s.scaled_dot_product_attention with no query heads and two key/value
// heads (H = 0 is a multiple of Hkv): an empty result, tiled or not (the
// untiled contractions cannot map 0 query heads to key heads).

// RUN: s2s-run %s --input=%S/Inputs/sdpa_no_query_heads/query.npy --input=%S/Inputs/sdpa_no_query_heads/key.npy --input=%S/Inputs/sdpa_no_query_heads/value.npy --expect=%S/Inputs/sdpa_no_query_heads/out.npy --quiet | FileCheck %s
// RUN: s2s-run %s --pipeline-options=tile-attention=false --input=%S/Inputs/sdpa_no_query_heads/query.npy --input=%S/Inputs/sdpa_no_query_heads/key.npy --input=%S/Inputs/sdpa_no_query_heads/value.npy --expect=%S/Inputs/sdpa_no_query_heads/out.npy --quiet | FileCheck %s
// CHECK: result #0: matches {{.*}}/out.npy (0 elements

func.func @main(%query: tensor<1x0x3x8xf32>, %key: tensor<1x2x4x8xf32>,
    %value: tensor<1x2x4x8xf32>) -> tensor<1x0x3x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<1x0x3x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>)
      -> tensor<1x0x3x8xf32>
  return %out : tensor<1x0x3x8xf32>
}

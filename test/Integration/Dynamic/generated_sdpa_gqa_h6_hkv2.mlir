// Dynamic-shape variant of Generated/sdpa_gqa_h6_hkv2.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.scaled_dot_product_attention with grouped-query attention, H=6 query
// heads over Hkv=2 key/value heads: query head h uses key/value head h / 3
// (PyTorch's repeat_interleave), checked with odd Tq=5, Tk=7 and a boolean mask
// [B,1,1,Tk] (key padding).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/sdpa_gqa_h6_hkv2/query.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_gqa_h6_hkv2/key.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_gqa_h6_hkv2/value.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_gqa_h6_hkv2/mask.npy \
// RUN:   --expect=%S/../Generated/Inputs/sdpa_gqa_h6_hkv2/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy

func.func @main(%query: tensor<?x6x?x8xf32>, %key: tensor<?x2x?x8xf32>,
    %value: tensor<?x2x?x8xf32>, %mask: tensor<?x1x1x?xi1>)
    -> tensor<?x6x?x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      scale(0.35355339059327373)
      : (tensor<?x6x?x8xf32>, tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>,
         tensor<?x1x1x?xi1>)
      -> tensor<?x6x?x8xf32>
  return %out : tensor<?x6x?x8xf32>
}

// Dynamic-shape variant of Golden/sdpa_boolmask_gqa.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// Golden case sdpa_boolmask_gqa: s2s.scaled_dot_product_attention against
// PyTorch (softmax(q k^T * scale + mask) v), reference data from
// /work/shared/golden/sdpa_boolmask_gqa (copied to Inputs/sdpa_boolmask_gqa).
// Attributes as in its manifest: {"scale": 0.35355339059327373, "causal":
// false}.
// Manifest notes: Boolean mask [B,1,Tq,Tk] broadcast over heads; true = may
// attend. Grouped-query: 4 query heads share 2 key/value heads (head h uses kv
// head h // 2).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Golden/Inputs/sdpa_boolmask_gqa/q.npy \
// RUN:   --input=%S/../Golden/Inputs/sdpa_boolmask_gqa/k.npy \
// RUN:   --input=%S/../Golden/Inputs/sdpa_boolmask_gqa/v.npy \
// RUN:   --input=%S/../Golden/Inputs/sdpa_boolmask_gqa/mask.npy \
// RUN:   --expect=%S/../Golden/Inputs/sdpa_boolmask_gqa/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy

func.func @main(%q: tensor<?x4x?x8xf32>, %k: tensor<?x2x?x8xf32>,
    %v: tensor<?x2x?x8xf32>, %mask: tensor<1x1x?x?xi1>)
    -> tensor<?x4x?x8xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      scale(0.35355339059327373)
      : (tensor<?x4x?x8xf32>, tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>,
         tensor<1x1x?x?xi1>)
      -> tensor<?x4x?x8xf32>
  return %out : tensor<?x4x?x8xf32>
}

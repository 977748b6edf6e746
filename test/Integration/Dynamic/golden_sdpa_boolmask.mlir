// Dynamic-shape variant of Golden/sdpa_boolmask.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// Golden case sdpa_boolmask: s2s.scaled_dot_product_attention against PyTorch
// (softmax(q k^T * scale + mask) v), reference data from
// /work/shared/golden/sdpa_boolmask (copied to Inputs/sdpa_boolmask).
// Attributes as in its manifest: {"scale": 0.35355339059327373, "causal":
// false}.
// Manifest notes: Boolean mask [B,1,Tq,Tk] broadcast over heads; true = may
// attend.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Golden/Inputs/sdpa_boolmask/q.npy \
// RUN:   --input=%S/../Golden/Inputs/sdpa_boolmask/k.npy \
// RUN:   --input=%S/../Golden/Inputs/sdpa_boolmask/v.npy \
// RUN:   --input=%S/../Golden/Inputs/sdpa_boolmask/mask.npy \
// RUN:   --expect=%S/../Golden/Inputs/sdpa_boolmask/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy

func.func @main(%q: tensor<?x4x?x8xf32>, %k: tensor<?x4x?x8xf32>,
    %v: tensor<?x4x?x8xf32>, %mask: tensor<?x1x?x?xi1>)
    -> tensor<?x4x?x8xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      scale(0.35355339059327373)
      : (tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
         tensor<?x1x?x?xi1>)
      -> tensor<?x4x?x8xf32>
  return %out : tensor<?x4x?x8xf32>
}

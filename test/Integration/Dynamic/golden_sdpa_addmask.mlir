// Dynamic-shape variant of Golden/sdpa_addmask.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// Golden case sdpa_addmask: s2s.scaled_dot_product_attention against PyTorch
// (softmax(q k^T * scale + mask) v), reference data from
// /work/shared/golden/sdpa_addmask (copied to Inputs/sdpa_addmask). Attributes
// as in its manifest: {"scale": 0.35355339059327373, "causal": false}.
// Manifest notes: Additive float mask [1,H,Tq,Tk] added to the scaled scores
// before softmax.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Golden/Inputs/sdpa_addmask/q.npy \
// RUN:   --input=%S/../Golden/Inputs/sdpa_addmask/k.npy \
// RUN:   --input=%S/../Golden/Inputs/sdpa_addmask/v.npy \
// RUN:   --input=%S/../Golden/Inputs/sdpa_addmask/mask.npy \
// RUN:   --expect=%S/../Golden/Inputs/sdpa_addmask/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy

func.func @main(%q: tensor<?x4x?x8xf32>, %k: tensor<?x4x?x8xf32>,
    %v: tensor<?x4x?x8xf32>, %mask: tensor<1x4x?x?xf32>)
    -> tensor<?x4x?x8xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      scale(0.35355339059327373)
      : (tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
         tensor<1x4x?x?xf32>)
      -> tensor<?x4x?x8xf32>
  return %out : tensor<?x4x?x8xf32>
}

// Dynamic-shape variant of Golden/sdpa_plain.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// Golden case sdpa_plain: s2s.scaled_dot_product_attention against PyTorch
// (softmax(q k^T * scale + mask) v), reference data from
// /work/shared/golden/sdpa_plain (copied to Inputs/sdpa_plain). Attributes as
// in its manifest: {"scale": 0.35355339059327373, "causal": false}.
// Manifest notes: softmax(q k^T * scale) v over [B,H,T,D].

// RUN: s2s-run %s \
// RUN:   --input=%S/../Golden/Inputs/sdpa_plain/q.npy \
// RUN:   --input=%S/../Golden/Inputs/sdpa_plain/k.npy \
// RUN:   --input=%S/../Golden/Inputs/sdpa_plain/v.npy \
// RUN:   --expect=%S/../Golden/Inputs/sdpa_plain/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy

func.func @main(%q: tensor<?x4x?x8xf32>, %k: tensor<?x4x?x8xf32>,
    %v: tensor<?x4x?x8xf32>)
    -> tensor<?x4x?x8xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v scale(0.35355339059327373)
      : (tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>)
      -> tensor<?x4x?x8xf32>
  return %out : tensor<?x4x?x8xf32>
}

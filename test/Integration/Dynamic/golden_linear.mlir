// Dynamic-shape variant of Golden/linear.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// Golden case linear: s2s.linear against nn.Linear, reference data from
// /work/shared/golden/linear (copied to Inputs/linear). Attributes as in its
// manifest: {}.
// Manifest notes: y = x W^T + b, W [out,in] (PyTorch nn.Linear layout).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Golden/Inputs/linear/x.npy \
// RUN:   --input=%S/../Golden/Inputs/linear/w.npy \
// RUN:   --input=%S/../Golden/Inputs/linear/b.npy \
// RUN:   --expect=%S/../Golden/Inputs/linear/y.npy \
// RUN:   --rtol=0.0001 --atol=0.0001 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/y.npy

func.func @main(%x: tensor<?x?x16xf32>, %w: tensor<12x16xf32>,
    %b: tensor<12xf32>)
    -> tensor<?x?x12xf32> {
  %y = s2s.linear %x, %w, %b
      : (tensor<?x?x16xf32>, tensor<12x16xf32>, tensor<12xf32>)
      -> tensor<?x?x12xf32>
  return %y : tensor<?x?x12xf32>
}

// Dynamic-shape variant of Golden/layer_norm.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// Golden case layer_norm: s2s.layer_norm against nn.LayerNorm, reference data
// from /work/shared/golden/layer_norm (copied to Inputs/layer_norm). Attributes
// as in its manifest: {"epsilon": 1e-05}.
// Manifest notes: Normalizes over the last dim.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Golden/Inputs/layer_norm/x.npy \
// RUN:   --input=%S/../Golden/Inputs/layer_norm/gamma.npy \
// RUN:   --input=%S/../Golden/Inputs/layer_norm/beta.npy \
// RUN:   --expect=%S/../Golden/Inputs/layer_norm/y.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/y.npy

func.func @main(%x: tensor<?x?x16xf32>, %gamma: tensor<16xf32>,
    %beta: tensor<16xf32>)
    -> tensor<?x?x16xf32> {
  %y = s2s.layer_norm %x weight(%gamma) bias(%beta) normalized_shape([16])
      eps(1.0e-05)
      : (tensor<?x?x16xf32>, tensor<16xf32>, tensor<16xf32>)
      -> tensor<?x?x16xf32>
  return %y : tensor<?x?x16xf32>
}

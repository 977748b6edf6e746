// Dynamic-shape variant of Generated/layer_norm_rank1.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.layer_norm of a single vector (rank-1 input [16], normalized_shape [16])
// without weight and bias, against nn.LayerNorm(16, elementwise_affine=False):
// no leading dimension at all.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/layer_norm_rank1/input.npy \
// RUN:   --expect=%S/../Generated/Inputs/layer_norm_rank1/output.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<16xf32>)
    -> tensor<16xf32> {
  %output = s2s.layer_norm %input normalized_shape([16])
      : (tensor<16xf32>)
      -> tensor<16xf32>
  return %output : tensor<16xf32>
}

// Dynamic-shape variant of Generated/layer_norm_all_dims.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.layer_norm over every dimension of a [4, 5] input (no leading dims left),
// with weight and bias and eps 1e-4, against nn.LayerNorm([4, 5]).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/layer_norm_all_dims/input.npy \
// RUN:   --input=%S/../Generated/Inputs/layer_norm_all_dims/weight.npy \
// RUN:   --input=%S/../Generated/Inputs/layer_norm_all_dims/bias.npy \
// RUN:   --expect=%S/../Generated/Inputs/layer_norm_all_dims/output.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<4x5xf32>, %weight: tensor<4x5xf32>,
    %bias: tensor<4x5xf32>)
    -> tensor<4x5xf32> {
  %output = s2s.layer_norm %input weight(%weight) bias(%bias)
      normalized_shape([4, 5]) eps(1.0e-04)
      : (tensor<4x5xf32>, tensor<4x5xf32>, tensor<4x5xf32>)
      -> tensor<4x5xf32>
  return %output : tensor<4x5xf32>
}

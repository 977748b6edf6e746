// Dynamic-shape variant of Generated/attention_dot_odd_nomask.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.attention dot without a mask, odd sizes (B=3, Tq=5, Tk=7, Dq=9, Dk=9,
// Dv=5), against the formula in torch ops: context and alignment weights.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/attention_dot_odd_nomask/query.npy \
// RUN:   --input=%S/../Generated/Inputs/attention_dot_odd_nomask/keys.npy \
// RUN:   --input=%S/../Generated/Inputs/attention_dot_odd_nomask/values.npy \
// RUN:   --expect=%S/../Generated/Inputs/attention_dot_odd_nomask/context.npy \
// RUN:   --expect=%S/../Generated/Inputs/attention_dot_odd_nomask/weights.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/context.npy
// CHECK: result #1: matches {{.*}}/weights.npy

func.func @main(%query: tensor<?x?x9xf32>, %keys: tensor<?x?x9xf32>,
    %values: tensor<?x?x5xf32>)
    -> (tensor<?x?x5xf32>, tensor<?x?x?xf32>) {
  %context, %weights = s2s.attention dot %query, %keys, %values
      : (tensor<?x?x9xf32>, tensor<?x?x9xf32>, tensor<?x?x5xf32>)
      -> (tensor<?x?x5xf32>, tensor<?x?x?xf32>)
  return %context, %weights : tensor<?x?x5xf32>, tensor<?x?x?xf32>
}

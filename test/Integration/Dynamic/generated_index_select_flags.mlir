// Dynamic-shape variant of Generated/index_select_flags.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.index_select of boolean finished flags [8] along dim 0 against
// torch.index_select.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/index_select_flags/input.npy \
// RUN:   --input=%S/../Generated/Inputs/index_select_flags/indices.npy \
// RUN:   --expect=%S/../Generated/Inputs/index_select_flags/output.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<?xi1>, %indices: tensor<?xi64>)
    -> tensor<?xi1> {
  %output = s2s.index_select %input, %indices dim(0)
      : (tensor<?xi1>, tensor<?xi64>)
      -> tensor<?xi1>
  return %output : tensor<?xi1>
}

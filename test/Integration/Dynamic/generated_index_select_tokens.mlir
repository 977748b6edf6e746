// Dynamic-shape variant of Generated/index_select_tokens.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.index_select of an i64 token history [8, 5] along the beam dimension (dim
// 0) against torch.index_select: integer tensors are reordered too.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/index_select_tokens/input.npy \
// RUN:   --input=%S/../Generated/Inputs/index_select_tokens/indices.npy \
// RUN:   --expect=%S/../Generated/Inputs/index_select_tokens/output.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%input: tensor<?x?xi64>, %indices: tensor<?xi64>)
    -> tensor<?x?xi64> {
  %output = s2s.index_select %input, %indices dim(0)
      : (tensor<?x?xi64>, tensor<?xi64>)
      -> tensor<?x?xi64>
  return %output : tensor<?x?xi64>
}

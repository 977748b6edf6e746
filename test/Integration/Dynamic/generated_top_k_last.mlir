// Dynamic-shape variant of Generated/top_k_last.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.top_k with k = 5 along the last dim of a [3, 50] input of distinct values
// against torch.topk (sorted, largest).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/top_k_last/input.npy \
// RUN:   --expect=%S/../Generated/Inputs/top_k_last/values.npy \
// RUN:   --expect=%S/../Generated/Inputs/top_k_last/indices.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/values.npy
// CHECK: result #1: matches {{.*}}/indices.npy

func.func @main(%input: tensor<?x50xf32>)
    -> (tensor<?x5xf32>, tensor<?x5xi64>) {
  %values, %indices = s2s.top_k %input k(5) dim(-1)
      : (tensor<?x50xf32>)
      -> (tensor<?x5xf32>, tensor<?x5xi64>)
  return %values, %indices : tensor<?x5xf32>, tensor<?x5xi64>
}

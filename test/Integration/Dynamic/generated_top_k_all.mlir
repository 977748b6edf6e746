// Dynamic-shape variant of Generated/top_k_all.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.top_k with k equal to the size of the dimension (a full descending sort)
// of a [2, 8] input against torch.topk.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/top_k_all/input.npy \
// RUN:   --expect=%S/../Generated/Inputs/top_k_all/values.npy \
// RUN:   --expect=%S/../Generated/Inputs/top_k_all/indices.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/values.npy
// CHECK: result #1: matches {{.*}}/indices.npy

func.func @main(%input: tensor<?x8xf32>)
    -> (tensor<?x8xf32>, tensor<?x8xi64>) {
  %values, %indices = s2s.top_k %input k(8) dim(1)
      : (tensor<?x8xf32>)
      -> (tensor<?x8xf32>, tensor<?x8xi64>)
  return %values, %indices : tensor<?x8xf32>, tensor<?x8xi64>
}

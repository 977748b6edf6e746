// Dynamic-shape variant of Generated/top_k_dim0_ties.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.top_k with k = 3 along dim 0 of a [6, 7] input of small integers, +inf
// and -inf (ties everywhere) against a stable descending sort: of equal values
// the lower index comes first.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/top_k_dim0_ties/input.npy \
// RUN:   --expect=%S/../Generated/Inputs/top_k_dim0_ties/values.npy \
// RUN:   --expect=%S/../Generated/Inputs/top_k_dim0_ties/indices.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/values.npy
// CHECK: result #1: matches {{.*}}/indices.npy

func.func @main(%input: tensor<6x?xf32>)
    -> (tensor<3x?xf32>, tensor<3x?xi64>) {
  %values, %indices = s2s.top_k %input k(3) dim(0)
      : (tensor<6x?xf32>)
      -> (tensor<3x?xf32>, tensor<3x?xi64>)
  return %values, %indices : tensor<3x?xf32>, tensor<3x?xi64>
}

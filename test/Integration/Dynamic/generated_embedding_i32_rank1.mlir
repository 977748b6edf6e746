// Dynamic-shape variant of Generated/embedding_i32_rank1.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.embedding with i32 indices of rank 1 [9] (including the first and the
// last row of the table) against F.embedding; compared exactly, a gather does
// no arithmetic.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/embedding_i32_rank1/indices.npy \
// RUN:   --input=%S/../Generated/Inputs/embedding_i32_rank1/weight.npy \
// RUN:   --expect=%S/../Generated/Inputs/embedding_i32_rank1/output.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%indices: tensor<?xi32>, %weight: tensor<17x5xf32>)
    -> tensor<?x5xf32> {
  %output = s2s.embedding %indices, %weight
      : (tensor<?xi32>, tensor<17x5xf32>)
      -> tensor<?x5xf32>
  return %output : tensor<?x5xf32>
}

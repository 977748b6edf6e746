// s2s.embedding with i64 indices of rank 3 [2, 3, 4] (including the first and
// the last row of the table) against F.embedding; compared exactly, a gather
// does no arithmetic.

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/embedding_i64_rank3/indices.npy \
// RUN:   --input=%S/Inputs/embedding_i64_rank3/weight.npy \
// RUN:   --expect=%S/Inputs/embedding_i64_rank3/output.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/output.npy

func.func @main(%indices: tensor<2x3x4xi64>, %weight: tensor<17x5xf32>)
    -> tensor<2x3x4x5xf32> {
  %output = s2s.embedding %indices, %weight
      : (tensor<2x3x4xi64>, tensor<17x5xf32>)
      -> tensor<2x3x4x5xf32>
  return %output : tensor<2x3x4x5xf32>
}

// s2s.embedding of 0 indices from an empty table: an empty result.

// RUN: s2s-run %s --input=%S/Inputs/embedding_empty/indices.npy --input=%S/Inputs/embedding_empty/weight.npy --expect=%S/Inputs/embedding_empty/out.npy --quiet | FileCheck %s
// CHECK: result #0: matches {{.*}}/out.npy (0 elements

func.func @main(%indices: tensor<0xi64>, %weight: tensor<0x5xf32>)
    -> tensor<0x5xf32> {
  %out = s2s.embedding %indices, %weight
      : (tensor<0xi64>, tensor<0x5xf32>) -> tensor<0x5xf32>
  return %out : tensor<0x5xf32>
}

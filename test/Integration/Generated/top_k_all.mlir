// s2s.top_k with k equal to the size of the dimension (a full descending sort)
// of a [2, 8] input against torch.topk.

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/top_k_all/input.npy \
// RUN:   --expect=%S/Inputs/top_k_all/values.npy \
// RUN:   --expect=%S/Inputs/top_k_all/indices.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/values.npy
// CHECK: result #1: matches {{.*}}/indices.npy

func.func @main(%input: tensor<2x8xf32>)
    -> (tensor<2x8xf32>, tensor<2x8xi64>) {
  %values, %indices = s2s.top_k %input k(8) dim(1)
      : (tensor<2x8xf32>)
      -> (tensor<2x8xf32>, tensor<2x8xi64>)
  return %values, %indices : tensor<2x8xf32>, tensor<2x8xi64>
}

// s2s.top_k as beam search uses it: the k = 4 best of the scores of every
// continuation of 4 beams over a vocabulary of 15 ([2, 60], two sentences),
// log-probabilities summed, against torch.topk.

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/top_k_beams/input.npy \
// RUN:   --expect=%S/Inputs/top_k_beams/values.npy \
// RUN:   --expect=%S/Inputs/top_k_beams/indices.npy \
// RUN:   --rtol=0 --atol=0 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/values.npy
// CHECK: result #1: matches {{.*}}/indices.npy

func.func @main(%input: tensor<2x60xf32>)
    -> (tensor<2x4xf32>, tensor<2x4xi64>) {
  %values, %indices = s2s.top_k %input k(4) dim(1)
      : (tensor<2x60xf32>)
      -> (tensor<2x4xf32>, tensor<2x4xi64>)
  return %values, %indices : tensor<2x4xf32>, tensor<2x4xi64>
}

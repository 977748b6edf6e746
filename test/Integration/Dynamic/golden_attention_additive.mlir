// Dynamic-shape variant of Golden/attention_additive.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// Golden case attention_additive: s2s.attention against PyTorch (Luong/Bahdanau
// attention), reference data from /work/shared/golden/attention_additive
// (copied to Inputs/attention_additive). Attributes as in its manifest:
// {"score": "additive"}.
// Manifest notes: Seq2seq attention over encoder states. score: dot q.k
// (Luong), general q^T W k (Luong), additive v.tanh(W_query q + W_keys k)
// (Bahdanau; Luong's concat is the same form). mask: true = may attend. weights
// are the softmax alignment weights [B,Tq,Tk].

// RUN: s2s-run %s \
// RUN:   --input=%S/../Golden/Inputs/attention_additive/query.npy \
// RUN:   --input=%S/../Golden/Inputs/attention_additive/keys.npy \
// RUN:   --input=%S/../Golden/Inputs/attention_additive/values.npy \
// RUN:   --input=%S/../Golden/Inputs/attention_additive/w_query.npy \
// RUN:   --input=%S/../Golden/Inputs/attention_additive/w_keys.npy \
// RUN:   --input=%S/../Golden/Inputs/attention_additive/v.npy \
// RUN:   --input=%S/../Golden/Inputs/attention_additive/mask.npy \
// RUN:   --expect=%S/../Golden/Inputs/attention_additive/context.npy \
// RUN:   --expect=%S/../Golden/Inputs/attention_additive/weights.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/context.npy
// CHECK: result #1: matches {{.*}}/weights.npy

func.func @main(%query: tensor<?x?x8xf32>, %keys: tensor<?x?x8xf32>,
    %values: tensor<?x?x6xf32>, %w_query: tensor<10x8xf32>,
    %w_keys: tensor<10x8xf32>, %v: tensor<10xf32>, %mask: tensor<?x?x?xi1>)
    -> (tensor<?x?x6xf32>, tensor<?x?x?xf32>) {
  %context, %weights = s2s.attention additive %query, %keys, %values
      w_query(%w_query) w_keys(%w_keys) v(%v) mask(%mask)
      : (tensor<?x?x8xf32>, tensor<?x?x8xf32>, tensor<?x?x6xf32>,
         tensor<10x8xf32>, tensor<10x8xf32>, tensor<10xf32>, tensor<?x?x?xi1>)
      -> (tensor<?x?x6xf32>, tensor<?x?x?xf32>)
  return %context, %weights : tensor<?x?x6xf32>, tensor<?x?x?xf32>
}

// Dynamic-shape variant of Golden/attention_dot.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// Golden case attention_dot: s2s.attention against PyTorch (Luong/Bahdanau
// attention), reference data from /work/shared/golden/attention_dot (copied to
// Inputs/attention_dot). Attributes as in its manifest: {"score": "dot"}.
// Manifest notes: Seq2seq attention over encoder states. score: dot q.k
// (Luong), general q^T W k (Luong), additive v.tanh(W_query q + W_keys k)
// (Bahdanau; Luong's concat is the same form). mask: true = may attend. weights
// are the softmax alignment weights [B,Tq,Tk].

// RUN: s2s-run %s \
// RUN:   --input=%S/../Golden/Inputs/attention_dot/query.npy \
// RUN:   --input=%S/../Golden/Inputs/attention_dot/keys.npy \
// RUN:   --input=%S/../Golden/Inputs/attention_dot/values.npy \
// RUN:   --input=%S/../Golden/Inputs/attention_dot/mask.npy \
// RUN:   --expect=%S/../Golden/Inputs/attention_dot/context.npy \
// RUN:   --expect=%S/../Golden/Inputs/attention_dot/weights.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/context.npy
// CHECK: result #1: matches {{.*}}/weights.npy

func.func @main(%query: tensor<?x?x8xf32>, %keys: tensor<?x?x8xf32>,
    %values: tensor<?x?x6xf32>, %mask: tensor<?x?x?xi1>)
    -> (tensor<?x?x6xf32>, tensor<?x?x?xf32>) {
  %context, %weights = s2s.attention dot %query, %keys, %values mask(%mask)
      : (tensor<?x?x8xf32>, tensor<?x?x8xf32>, tensor<?x?x6xf32>,
         tensor<?x?x?xi1>)
      -> (tensor<?x?x6xf32>, tensor<?x?x?xf32>)
  return %context, %weights : tensor<?x?x6xf32>, tensor<?x?x?xf32>
}

// Golden case attention_general: s2s.attention against PyTorch (Luong/Bahdanau
// attention), reference data from /work/shared/golden/attention_general (copied
// to Inputs/attention_general). Attributes as in its manifest: {"score":
// "general"}.
// Manifest notes: Seq2seq attention over encoder states. score: dot q.k
// (Luong), general q^T W k (Luong), additive v.tanh(W_query q + W_keys k)
// (Bahdanau; Luong's concat is the same form). mask: true = may attend. weights
// are the softmax alignment weights [B,Tq,Tk].

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/attention_general/query.npy \
// RUN:   --input=%S/Inputs/attention_general/keys.npy \
// RUN:   --input=%S/Inputs/attention_general/values.npy \
// RUN:   --input=%S/Inputs/attention_general/w.npy \
// RUN:   --input=%S/Inputs/attention_general/mask.npy \
// RUN:   --expect=%S/Inputs/attention_general/context.npy \
// RUN:   --expect=%S/Inputs/attention_general/weights.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/context.npy
// CHECK: result #1: matches {{.*}}/weights.npy

func.func @main(%query: tensor<2x3x8xf32>, %keys: tensor<2x5x8xf32>,
    %values: tensor<2x5x6xf32>, %w: tensor<8x8xf32>, %mask: tensor<2x3x5xi1>)
    -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>) {
  %context, %weights = s2s.attention general %query, %keys, %values w(%w)
      mask(%mask)
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x6xf32>,
         tensor<8x8xf32>, tensor<2x3x5xi1>)
      -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>)
  return %context, %weights : tensor<2x3x6xf32>, tensor<2x3x5xf32>
}

// Dynamic-shape variant of Golden/gru_seqlens.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// Golden case gru_seqlens: s2s.gru against nn.GRU, reference data from
// /work/shared/golden/gru_seqlens (copied to Inputs/gru_seqlens). Attributes as
// in its manifest: {"direction": "forward", "batch_first": false,
// "hidden_size": 4, "linear_before_reset": true}.
// Manifest notes: PyTorch semantics: gate order r,z,n; w_ih [D,G*H,I], w_hh
// [D,G*H,H], biases [D,G*H]; y is [T,B,D*H] (time-major) with the forward half
// first. With seq_lens, positions past a sequence's length are zero in y and
// h_n/c_n hold each direction's state at the last valid step (PyTorch packed-
// sequence rules).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Golden/Inputs/gru_seqlens/x.npy \
// RUN:   --input=%S/../Golden/Inputs/gru_seqlens/w_ih.npy \
// RUN:   --input=%S/../Golden/Inputs/gru_seqlens/w_hh.npy \
// RUN:   --input=%S/../Golden/Inputs/gru_seqlens/b_ih.npy \
// RUN:   --input=%S/../Golden/Inputs/gru_seqlens/b_hh.npy \
// RUN:   --input=%S/../Golden/Inputs/gru_seqlens/h0.npy \
// RUN:   --input=%S/../Golden/Inputs/gru_seqlens/seq_lens.npy \
// RUN:   --expect=%S/../Golden/Inputs/gru_seqlens/y.npy \
// RUN:   --expect=%S/../Golden/Inputs/gru_seqlens/h_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet | FileCheck %s
// RUN: s2s-run %s \
// RUN:   --input=%S/../Golden/Inputs/gru_seqlens/x.npy \
// RUN:   --input=%S/../Golden/Inputs/gru_seqlens/w_ih.npy \
// RUN:   --input=%S/../Golden/Inputs/gru_seqlens/w_hh.npy \
// RUN:   --input=%S/../Golden/Inputs/gru_seqlens/b_ih.npy \
// RUN:   --input=%S/../Golden/Inputs/gru_seqlens/b_hh.npy \
// RUN:   --input=%S/../Golden/Inputs/gru_seqlens/h0.npy \
// RUN:   --input=%S/../Golden/Inputs/gru_seqlens/seq_lens.npy \
// RUN:   --expect=%S/../Golden/Inputs/gru_seqlens/y.npy \
// RUN:   --expect=%S/../Golden/Inputs/gru_seqlens/h_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet --pipeline-options=rnn-block-rows=2 | FileCheck %s

// CHECK: result #0: matches {{.*}}/y.npy
// CHECK: result #1: matches {{.*}}/h_n.npy

func.func @main(%x: tensor<?x?x4xf32>, %w_ih: tensor<1x12x4xf32>,
    %w_hh: tensor<1x12x4xf32>, %b_ih: tensor<1x12xf32>, %b_hh: tensor<1x12xf32>,
    %h0: tensor<1x?x4xf32>, %seq_lens: tensor<?xi64>)
    -> (tensor<?x?x4xf32>, tensor<1x?x4xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      seq_lens(%seq_lens) hidden_size(4) direction forward
      linear_before_reset(true)
      : (tensor<?x?x4xf32>, tensor<1x12x4xf32>, tensor<1x12x4xf32>,
         tensor<1x12xf32>, tensor<1x12xf32>, tensor<1x?x4xf32>, tensor<?xi64>)
      -> (tensor<?x?x4xf32>, tensor<1x?x4xf32>)
  return %y, %h_n : tensor<?x?x4xf32>, tensor<1x?x4xf32>
}

// Dynamic-shape variant of Golden/lstm_bidir_seqlens.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// Golden case lstm_bidir_seqlens: s2s.lstm against nn.LSTM, reference data from
// /work/shared/golden/lstm_bidir_seqlens (copied to Inputs/lstm_bidir_seqlens).
// Attributes as in its manifest: {"direction": "bidirectional", "batch_first":
// false, "hidden_size": 6}.
// Manifest notes: PyTorch semantics: gate order i,f,g,o; w_ih [D,G*H,I], w_hh
// [D,G*H,H], biases [D,G*H]; y is [T,B,D*H] (time-major) with the forward half
// first. With seq_lens, positions past a sequence's length are zero in y and
// h_n/c_n hold each direction's state at the last valid step (PyTorch packed-
// sequence rules).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Golden/Inputs/lstm_bidir_seqlens/x.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_bidir_seqlens/w_ih.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_bidir_seqlens/w_hh.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_bidir_seqlens/b_ih.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_bidir_seqlens/b_hh.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_bidir_seqlens/h0.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_bidir_seqlens/c0.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_bidir_seqlens/seq_lens.npy \
// RUN:   --expect=%S/../Golden/Inputs/lstm_bidir_seqlens/y.npy \
// RUN:   --expect=%S/../Golden/Inputs/lstm_bidir_seqlens/h_n.npy \
// RUN:   --expect=%S/../Golden/Inputs/lstm_bidir_seqlens/c_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet | FileCheck %s
// RUN: s2s-run %s \
// RUN:   --input=%S/../Golden/Inputs/lstm_bidir_seqlens/x.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_bidir_seqlens/w_ih.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_bidir_seqlens/w_hh.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_bidir_seqlens/b_ih.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_bidir_seqlens/b_hh.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_bidir_seqlens/h0.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_bidir_seqlens/c0.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_bidir_seqlens/seq_lens.npy \
// RUN:   --expect=%S/../Golden/Inputs/lstm_bidir_seqlens/y.npy \
// RUN:   --expect=%S/../Golden/Inputs/lstm_bidir_seqlens/h_n.npy \
// RUN:   --expect=%S/../Golden/Inputs/lstm_bidir_seqlens/c_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet --pipeline-options=rnn-block-rows=2 | FileCheck %s

// CHECK: result #0: matches {{.*}}/y.npy
// CHECK: result #1: matches {{.*}}/h_n.npy
// CHECK: result #2: matches {{.*}}/c_n.npy

func.func @main(%x: tensor<?x?x5xf32>, %w_ih: tensor<2x24x5xf32>,
    %w_hh: tensor<2x24x6xf32>, %b_ih: tensor<2x24xf32>, %b_hh: tensor<2x24xf32>,
    %h0: tensor<2x?x6xf32>, %c0: tensor<2x?x6xf32>, %seq_lens: tensor<?xi64>)
    -> (tensor<?x?x12xf32>, tensor<2x?x6xf32>, tensor<2x?x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      c0(%c0) seq_lens(%seq_lens) hidden_size(6) direction bidirectional
      : (tensor<?x?x5xf32>, tensor<2x24x5xf32>, tensor<2x24x6xf32>,
         tensor<2x24xf32>, tensor<2x24xf32>, tensor<2x?x6xf32>,
         tensor<2x?x6xf32>, tensor<?xi64>)
      -> (tensor<?x?x12xf32>, tensor<2x?x6xf32>, tensor<2x?x6xf32>)
  return %y, %h_n, %c_n : tensor<?x?x12xf32>, tensor<2x?x6xf32>,
      tensor<2x?x6xf32>
}

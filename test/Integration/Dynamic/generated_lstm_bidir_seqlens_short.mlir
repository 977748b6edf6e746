// Dynamic-shape variant of Generated/lstm_bidir_seqlens_short.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.lstm bidirectional with seq_lens all shorter than T (3, 6, 1, 5 with T=9)
// against nn.LSTM over pack_padded_sequence: the time loop stops after the
// longest sequence (6 steps, both directions in it, the reverse one starting at
// step 5), and y stays zero for steps 6 to 8.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/lstm_bidir_seqlens_short/x.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_bidir_seqlens_short/w_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_bidir_seqlens_short/w_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_bidir_seqlens_short/b_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_bidir_seqlens_short/b_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_bidir_seqlens_short/h0.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_bidir_seqlens_short/c0.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_bidir_seqlens_short/seq_lens.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_bidir_seqlens_short/y.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_bidir_seqlens_short/h_n.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_bidir_seqlens_short/c_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet | FileCheck %s
// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/lstm_bidir_seqlens_short/x.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_bidir_seqlens_short/w_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_bidir_seqlens_short/w_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_bidir_seqlens_short/b_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_bidir_seqlens_short/b_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_bidir_seqlens_short/h0.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_bidir_seqlens_short/c0.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_bidir_seqlens_short/seq_lens.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_bidir_seqlens_short/y.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_bidir_seqlens_short/h_n.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_bidir_seqlens_short/c_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet --pipeline-options=rnn-block-rows=2 | FileCheck %s

// CHECK: result #0: matches {{.*}}/y.npy
// CHECK: result #1: matches {{.*}}/h_n.npy
// CHECK: result #2: matches {{.*}}/c_n.npy

func.func @main(%x: tensor<?x?x3xf32>, %w_ih: tensor<2x20x3xf32>,
    %w_hh: tensor<2x20x5xf32>, %b_ih: tensor<2x20xf32>, %b_hh: tensor<2x20xf32>,
    %h0: tensor<2x?x5xf32>, %c0: tensor<2x?x5xf32>, %seq_lens: tensor<?xi64>)
    -> (tensor<?x?x10xf32>, tensor<2x?x5xf32>, tensor<2x?x5xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      c0(%c0) seq_lens(%seq_lens) hidden_size(5) direction bidirectional
      : (tensor<?x?x3xf32>, tensor<2x20x3xf32>, tensor<2x20x5xf32>,
         tensor<2x20xf32>, tensor<2x20xf32>, tensor<2x?x5xf32>,
         tensor<2x?x5xf32>, tensor<?xi64>)
      -> (tensor<?x?x10xf32>, tensor<2x?x5xf32>, tensor<2x?x5xf32>)
  return %y, %h_n, %c_n : tensor<?x?x10xf32>, tensor<2x?x5xf32>,
      tensor<2x?x5xf32>
}

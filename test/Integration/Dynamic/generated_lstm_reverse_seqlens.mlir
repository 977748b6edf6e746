// Dynamic-shape variant of Generated/lstm_reverse_seqlens.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.lstm in the reverse direction with seq_lens (i64) against the backward
// half of a bidirectional nn.LSTM over pack_padded_sequence (unsorted lengths
// 5, 2, 7, 1 with T=7): each sequence's reverse pass starts at its own last
// valid step from h0/c0, y is zero past the length, and h_n/c_n are the states
// after the first step (t=0).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/lstm_reverse_seqlens/x.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_reverse_seqlens/w_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_reverse_seqlens/w_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_reverse_seqlens/b_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_reverse_seqlens/b_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_reverse_seqlens/h0.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_reverse_seqlens/c0.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_reverse_seqlens/seq_lens.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_reverse_seqlens/y.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_reverse_seqlens/h_n.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_reverse_seqlens/c_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet | FileCheck %s
// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/lstm_reverse_seqlens/x.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_reverse_seqlens/w_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_reverse_seqlens/w_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_reverse_seqlens/b_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_reverse_seqlens/b_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_reverse_seqlens/h0.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_reverse_seqlens/c0.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_reverse_seqlens/seq_lens.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_reverse_seqlens/y.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_reverse_seqlens/h_n.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_reverse_seqlens/c_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet --pipeline-options=rnn-block-rows=2 | FileCheck %s

// CHECK: result #0: matches {{.*}}/y.npy
// CHECK: result #1: matches {{.*}}/h_n.npy
// CHECK: result #2: matches {{.*}}/c_n.npy

func.func @main(%x: tensor<?x?x3xf32>, %w_ih: tensor<1x20x3xf32>,
    %w_hh: tensor<1x20x5xf32>, %b_ih: tensor<1x20xf32>, %b_hh: tensor<1x20xf32>,
    %h0: tensor<1x?x5xf32>, %c0: tensor<1x?x5xf32>, %seq_lens: tensor<?xi64>)
    -> (tensor<?x?x5xf32>, tensor<1x?x5xf32>, tensor<1x?x5xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      c0(%c0) seq_lens(%seq_lens) hidden_size(5) direction reverse
      : (tensor<?x?x3xf32>, tensor<1x20x3xf32>, tensor<1x20x5xf32>,
         tensor<1x20xf32>, tensor<1x20xf32>, tensor<1x?x5xf32>,
         tensor<1x?x5xf32>, tensor<?xi64>)
      -> (tensor<?x?x5xf32>, tensor<1x?x5xf32>, tensor<1x?x5xf32>)
  return %y, %h_n, %c_n : tensor<?x?x5xf32>, tensor<1x?x5xf32>,
      tensor<1x?x5xf32>
}

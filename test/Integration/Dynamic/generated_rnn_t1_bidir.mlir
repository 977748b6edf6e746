// Dynamic-shape variant of Generated/rnn_t1_bidir.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.rnn bidirectional over a length-1 sequence (T=1) against nn.RNN: the loop
// over time runs once per direction, and the reverse direction's first step is
// the forward direction's first step.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/rnn_t1_bidir/x.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_t1_bidir/w_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_t1_bidir/w_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_t1_bidir/b_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_t1_bidir/b_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_t1_bidir/h0.npy \
// RUN:   --expect=%S/../Generated/Inputs/rnn_t1_bidir/y.npy \
// RUN:   --expect=%S/../Generated/Inputs/rnn_t1_bidir/h_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/y.npy
// CHECK: result #1: matches {{.*}}/h_n.npy

func.func @main(%x: tensor<?x?x5xf32>, %w_ih: tensor<2x6x5xf32>,
    %w_hh: tensor<2x6x6xf32>, %b_ih: tensor<2x6xf32>, %b_hh: tensor<2x6xf32>,
    %h0: tensor<2x?x6xf32>)
    -> (tensor<?x?x12xf32>, tensor<2x?x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      hidden_size(6) direction bidirectional
      : (tensor<?x?x5xf32>, tensor<2x6x5xf32>, tensor<2x6x6xf32>,
         tensor<2x6xf32>, tensor<2x6xf32>, tensor<2x?x6xf32>)
      -> (tensor<?x?x12xf32>, tensor<2x?x6xf32>)
  return %y, %h_n : tensor<?x?x12xf32>, tensor<2x?x6xf32>
}

// Dynamic-shape variant of Generated/rnn_odd_sizes.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.rnn (tanh, forward, biases, h0) against nn.RNN with sizes that are no
// multiple of a vector width (H=13, I=7, B=5, T=6): catches tiling and
// vectorization remainders in the cell contractions and the elementwise step.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/rnn_odd_sizes/x.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_odd_sizes/w_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_odd_sizes/w_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_odd_sizes/b_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_odd_sizes/b_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_odd_sizes/h0.npy \
// RUN:   --expect=%S/../Generated/Inputs/rnn_odd_sizes/y.npy \
// RUN:   --expect=%S/../Generated/Inputs/rnn_odd_sizes/h_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/y.npy
// CHECK: result #1: matches {{.*}}/h_n.npy

func.func @main(%x: tensor<?x?x7xf32>, %w_ih: tensor<1x13x7xf32>,
    %w_hh: tensor<1x13x13xf32>, %b_ih: tensor<1x13xf32>,
    %b_hh: tensor<1x13xf32>, %h0: tensor<1x?x13xf32>)
    -> (tensor<?x?x13xf32>, tensor<1x?x13xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      hidden_size(13) direction forward activation tanh
      : (tensor<?x?x7xf32>, tensor<1x13x7xf32>, tensor<1x13x13xf32>,
         tensor<1x13xf32>, tensor<1x13xf32>, tensor<1x?x13xf32>)
      -> (tensor<?x?x13xf32>, tensor<1x?x13xf32>)
  return %y, %h_n : tensor<?x?x13xf32>, tensor<1x?x13xf32>
}

// Dynamic-shape variant of Generated/lstm_odd_sizes.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.lstm (forward, biases, h0 and c0) against nn.LSTM with odd sizes (H=13,
// I=7, B=5, T=5): the four gates are 13-wide slices of a 52-row contraction, so
// a wrong gate offset or a vector remainder shows up here.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/lstm_odd_sizes/x.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_odd_sizes/w_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_odd_sizes/w_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_odd_sizes/b_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_odd_sizes/b_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_odd_sizes/h0.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_odd_sizes/c0.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_odd_sizes/y.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_odd_sizes/h_n.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_odd_sizes/c_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/y.npy
// CHECK: result #1: matches {{.*}}/h_n.npy
// CHECK: result #2: matches {{.*}}/c_n.npy

func.func @main(%x: tensor<?x?x7xf32>, %w_ih: tensor<1x52x7xf32>,
    %w_hh: tensor<1x52x13xf32>, %b_ih: tensor<1x52xf32>,
    %b_hh: tensor<1x52xf32>, %h0: tensor<1x?x13xf32>, %c0: tensor<1x?x13xf32>)
    -> (tensor<?x?x13xf32>, tensor<1x?x13xf32>, tensor<1x?x13xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      c0(%c0) hidden_size(13)
      : (tensor<?x?x7xf32>, tensor<1x52x7xf32>, tensor<1x52x13xf32>,
         tensor<1x52xf32>, tensor<1x52xf32>, tensor<1x?x13xf32>,
         tensor<1x?x13xf32>)
      -> (tensor<?x?x13xf32>, tensor<1x?x13xf32>, tensor<1x?x13xf32>)
  return %y, %h_n, %c_n : tensor<?x?x13xf32>, tensor<1x?x13xf32>,
      tensor<1x?x13xf32>
}

// Dynamic-shape variant of Generated/lstm_no_bias_no_state.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.lstm bidirectional without b_ih/b_hh and without h0/c0 against
// nn.LSTM(bias=False, bidirectional=True) with zero initial states: the
// optional operands default to zero biases and zero states.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/lstm_no_bias_no_state/x.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_no_bias_no_state/w_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_no_bias_no_state/w_hh.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_no_bias_no_state/y.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_no_bias_no_state/h_n.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_no_bias_no_state/c_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/y.npy
// CHECK: result #1: matches {{.*}}/h_n.npy
// CHECK: result #2: matches {{.*}}/c_n.npy

func.func @main(%x: tensor<?x?x6xf32>, %w_ih: tensor<2x20x6xf32>,
    %w_hh: tensor<2x20x5xf32>)
    -> (tensor<?x?x10xf32>, tensor<2x?x5xf32>, tensor<2x?x5xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh hidden_size(5) direction
      bidirectional
      : (tensor<?x?x6xf32>, tensor<2x20x6xf32>, tensor<2x20x5xf32>)
      -> (tensor<?x?x10xf32>, tensor<2x?x5xf32>, tensor<2x?x5xf32>)
  return %y, %h_n, %c_n : tensor<?x?x10xf32>, tensor<2x?x5xf32>,
      tensor<2x?x5xf32>
}

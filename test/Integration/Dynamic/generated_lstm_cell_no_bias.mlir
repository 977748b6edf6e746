// Dynamic-shape variant of Generated/lstm_cell_no_bias.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.lstm_cell without b_ih/b_hh against nn.LSTMCell(bias=False), odd sizes
// (B=5, I=7, H=11).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/lstm_cell_no_bias/x.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_cell_no_bias/h.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_cell_no_bias/c.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_cell_no_bias/w_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_cell_no_bias/w_hh.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_cell_no_bias/h_next.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_cell_no_bias/c_next.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/h_next.npy
// CHECK: result #1: matches {{.*}}/c_next.npy

func.func @main(%x: tensor<?x7xf32>, %h: tensor<?x11xf32>, %c: tensor<?x11xf32>,
    %w_ih: tensor<44x7xf32>, %w_hh: tensor<44x11xf32>)
    -> (tensor<?x11xf32>, tensor<?x11xf32>) {
  %h_next, %c_next = s2s.lstm_cell %x, %h, %c, %w_ih, %w_hh
      : (tensor<?x7xf32>, tensor<?x11xf32>, tensor<?x11xf32>, tensor<44x7xf32>,
         tensor<44x11xf32>)
      -> (tensor<?x11xf32>, tensor<?x11xf32>)
  return %h_next, %c_next : tensor<?x11xf32>, tensor<?x11xf32>
}

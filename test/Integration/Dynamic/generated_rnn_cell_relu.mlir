// Dynamic-shape variant of Generated/rnn_cell_relu.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.rnn_cell with activation relu against nn.RNNCell(nonlinearity='relu'),
// odd sizes (B=5, I=7, H=13): about half of the pre-activations are negative,
// so a tanh in place of relu or a missing clamp shows up.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/rnn_cell_relu/x.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_cell_relu/h.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_cell_relu/w_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_cell_relu/w_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_cell_relu/b_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_cell_relu/b_hh.npy \
// RUN:   --expect=%S/../Generated/Inputs/rnn_cell_relu/h_next.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/h_next.npy

func.func @main(%x: tensor<?x7xf32>, %h: tensor<?x13xf32>,
    %w_ih: tensor<13x7xf32>, %w_hh: tensor<13x13xf32>, %b_ih: tensor<13xf32>,
    %b_hh: tensor<13xf32>)
    -> tensor<?x13xf32> {
  %h_next = s2s.rnn_cell %x, %h, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) activation
      relu
      : (tensor<?x7xf32>, tensor<?x13xf32>, tensor<13x7xf32>, tensor<13x13xf32>,
         tensor<13xf32>, tensor<13xf32>)
      -> tensor<?x13xf32>
  return %h_next : tensor<?x13xf32>
}

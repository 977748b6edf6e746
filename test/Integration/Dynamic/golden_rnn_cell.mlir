// Dynamic-shape variant of Golden/rnn_cell.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// Golden case rnn_cell: s2s.rnn_cell against nn.RNNCell, reference data from
// /work/shared/golden/rnn_cell (copied to Inputs/rnn_cell). Attributes as in
// its manifest: {"activation": "tanh"}.
// Manifest notes: PyTorch RNNCell/LSTMCell/GRUCell semantics; w_ih [G*H,I],
// w_hh [G*H,H].

// RUN: s2s-run %s \
// RUN:   --input=%S/../Golden/Inputs/rnn_cell/x.npy \
// RUN:   --input=%S/../Golden/Inputs/rnn_cell/h.npy \
// RUN:   --input=%S/../Golden/Inputs/rnn_cell/w_ih.npy \
// RUN:   --input=%S/../Golden/Inputs/rnn_cell/w_hh.npy \
// RUN:   --input=%S/../Golden/Inputs/rnn_cell/b_ih.npy \
// RUN:   --input=%S/../Golden/Inputs/rnn_cell/b_hh.npy \
// RUN:   --expect=%S/../Golden/Inputs/rnn_cell/h_next.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/h_next.npy

func.func @main(%x: tensor<?x5xf32>, %h: tensor<?x7xf32>,
    %w_ih: tensor<7x5xf32>, %w_hh: tensor<7x7xf32>, %b_ih: tensor<7xf32>,
    %b_hh: tensor<7xf32>)
    -> tensor<?x7xf32> {
  %h_next = s2s.rnn_cell %x, %h, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) activation
      tanh
      : (tensor<?x5xf32>, tensor<?x7xf32>, tensor<7x5xf32>, tensor<7x7xf32>,
         tensor<7xf32>, tensor<7xf32>)
      -> tensor<?x7xf32>
  return %h_next : tensor<?x7xf32>
}

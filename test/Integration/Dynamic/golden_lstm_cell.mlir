// Dynamic-shape variant of Golden/lstm_cell.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// Golden case lstm_cell: s2s.lstm_cell against nn.LSTMCell, reference data from
// /work/shared/golden/lstm_cell (copied to Inputs/lstm_cell). Attributes as in
// its manifest: {}.
// Manifest notes: PyTorch RNNCell/LSTMCell/GRUCell semantics; w_ih [G*H,I],
// w_hh [G*H,H].

// RUN: s2s-run %s \
// RUN:   --input=%S/../Golden/Inputs/lstm_cell/x.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_cell/h.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_cell/c.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_cell/w_ih.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_cell/w_hh.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_cell/b_ih.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_cell/b_hh.npy \
// RUN:   --expect=%S/../Golden/Inputs/lstm_cell/h_next.npy \
// RUN:   --expect=%S/../Golden/Inputs/lstm_cell/c_next.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/h_next.npy
// CHECK: result #1: matches {{.*}}/c_next.npy

func.func @main(%x: tensor<?x5xf32>, %h: tensor<?x7xf32>, %c: tensor<?x7xf32>,
    %w_ih: tensor<28x5xf32>, %w_hh: tensor<28x7xf32>, %b_ih: tensor<28xf32>,
    %b_hh: tensor<28xf32>)
    -> (tensor<?x7xf32>, tensor<?x7xf32>) {
  %h_next, %c_next = s2s.lstm_cell %x, %h, %c, %w_ih, %w_hh b_ih(%b_ih)
      b_hh(%b_hh)
      : (tensor<?x5xf32>, tensor<?x7xf32>, tensor<?x7xf32>, tensor<28x5xf32>,
         tensor<28x7xf32>, tensor<28xf32>, tensor<28xf32>)
      -> (tensor<?x7xf32>, tensor<?x7xf32>)
  return %h_next, %c_next : tensor<?x7xf32>, tensor<?x7xf32>
}

// Dynamic-shape variant of Golden/gru_cell.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// Golden case gru_cell: s2s.gru_cell against nn.GRUCell, reference data from
// /work/shared/golden/gru_cell (copied to Inputs/gru_cell). Attributes as in
// its manifest: {"linear_before_reset": true}.
// Manifest notes: PyTorch RNNCell/LSTMCell/GRUCell semantics; w_ih [G*H,I],
// w_hh [G*H,H].

// RUN: s2s-run %s \
// RUN:   --input=%S/../Golden/Inputs/gru_cell/x.npy \
// RUN:   --input=%S/../Golden/Inputs/gru_cell/h.npy \
// RUN:   --input=%S/../Golden/Inputs/gru_cell/w_ih.npy \
// RUN:   --input=%S/../Golden/Inputs/gru_cell/w_hh.npy \
// RUN:   --input=%S/../Golden/Inputs/gru_cell/b_ih.npy \
// RUN:   --input=%S/../Golden/Inputs/gru_cell/b_hh.npy \
// RUN:   --expect=%S/../Golden/Inputs/gru_cell/h_next.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/h_next.npy

func.func @main(%x: tensor<?x5xf32>, %h: tensor<?x7xf32>,
    %w_ih: tensor<21x5xf32>, %w_hh: tensor<21x7xf32>, %b_ih: tensor<21xf32>,
    %b_hh: tensor<21xf32>)
    -> tensor<?x7xf32> {
  %h_next = s2s.gru_cell %x, %h, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      linear_before_reset(true)
      : (tensor<?x5xf32>, tensor<?x7xf32>, tensor<21x5xf32>, tensor<21x7xf32>,
         tensor<21xf32>, tensor<21xf32>)
      -> tensor<?x7xf32>
  return %h_next : tensor<?x7xf32>
}

// Dynamic-shape variant of Generated/gru_cell_no_linear_before_reset.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.gru_cell with linear_before_reset(false): one step of the original GRU,
// whose candidate is tanh(W_in x + b_in + W_hn (r * h) + b_hn), against the
// torch-ops reference of gru_no_linear_before_reset. Odd sizes (B=5, I=7,
// H=13).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/gru_cell_no_linear_before_reset/x.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_cell_no_linear_before_reset/h.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_cell_no_linear_before_reset/w_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_cell_no_linear_before_reset/w_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_cell_no_linear_before_reset/b_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_cell_no_linear_before_reset/b_hh.npy \
// RUN:   --expect=%S/../Generated/Inputs/gru_cell_no_linear_before_reset/h_next.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/h_next.npy

func.func @main(%x: tensor<?x7xf32>, %h: tensor<?x13xf32>,
    %w_ih: tensor<39x7xf32>, %w_hh: tensor<39x13xf32>, %b_ih: tensor<39xf32>,
    %b_hh: tensor<39xf32>)
    -> tensor<?x13xf32> {
  %h_next = s2s.gru_cell %x, %h, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      linear_before_reset(false)
      : (tensor<?x7xf32>, tensor<?x13xf32>, tensor<39x7xf32>, tensor<39x13xf32>,
         tensor<39xf32>, tensor<39xf32>)
      -> tensor<?x13xf32>
  return %h_next : tensor<?x13xf32>
}

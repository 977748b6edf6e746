// Dynamic-shape variant of Generated/gru_cell_no_bias.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.gru_cell without b_ih/b_hh against nn.GRUCell(bias=False), odd sizes
// (B=5, I=7, H=11).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/gru_cell_no_bias/x.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_cell_no_bias/h.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_cell_no_bias/w_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_cell_no_bias/w_hh.npy \
// RUN:   --expect=%S/../Generated/Inputs/gru_cell_no_bias/h_next.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/h_next.npy

func.func @main(%x: tensor<?x7xf32>, %h: tensor<?x11xf32>,
    %w_ih: tensor<33x7xf32>, %w_hh: tensor<33x11xf32>)
    -> tensor<?x11xf32> {
  %h_next = s2s.gru_cell %x, %h, %w_ih, %w_hh
      : (tensor<?x7xf32>, tensor<?x11xf32>, tensor<33x7xf32>, tensor<33x11xf32>)
      -> tensor<?x11xf32>
  return %h_next : tensor<?x11xf32>
}

// Dynamic-shape variant of Golden/gru_bidir.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// Golden case gru_bidir: s2s.gru against nn.GRU, reference data from
// /work/shared/golden/gru_bidir (copied to Inputs/gru_bidir). Attributes as in
// its manifest: {"direction": "bidirectional", "batch_first": false,
// "hidden_size": 5, "linear_before_reset": true}.
// Manifest notes: PyTorch semantics: gate order r,z,n; w_ih [D,G*H,I], w_hh
// [D,G*H,H], biases [D,G*H]; y is [T,B,D*H] (time-major) with the forward half
// first. With seq_lens, positions past a sequence's length are zero in y and
// h_n/c_n hold each direction's state at the last valid step (PyTorch packed-
// sequence rules).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Golden/Inputs/gru_bidir/x.npy \
// RUN:   --input=%S/../Golden/Inputs/gru_bidir/w_ih.npy \
// RUN:   --input=%S/../Golden/Inputs/gru_bidir/w_hh.npy \
// RUN:   --input=%S/../Golden/Inputs/gru_bidir/b_ih.npy \
// RUN:   --input=%S/../Golden/Inputs/gru_bidir/b_hh.npy \
// RUN:   --input=%S/../Golden/Inputs/gru_bidir/h0.npy \
// RUN:   --expect=%S/../Golden/Inputs/gru_bidir/y.npy \
// RUN:   --expect=%S/../Golden/Inputs/gru_bidir/h_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/y.npy
// CHECK: result #1: matches {{.*}}/h_n.npy

func.func @main(%x: tensor<?x?x3xf32>, %w_ih: tensor<2x15x3xf32>,
    %w_hh: tensor<2x15x5xf32>, %b_ih: tensor<2x15xf32>, %b_hh: tensor<2x15xf32>,
    %h0: tensor<2x?x5xf32>)
    -> (tensor<?x?x10xf32>, tensor<2x?x5xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      hidden_size(5) direction bidirectional linear_before_reset(true)
      : (tensor<?x?x3xf32>, tensor<2x15x3xf32>, tensor<2x15x5xf32>,
         tensor<2x15xf32>, tensor<2x15xf32>, tensor<2x?x5xf32>)
      -> (tensor<?x?x10xf32>, tensor<2x?x5xf32>)
  return %y, %h_n : tensor<?x?x10xf32>, tensor<2x?x5xf32>
}

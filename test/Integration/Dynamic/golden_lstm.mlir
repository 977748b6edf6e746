// Dynamic-shape variant of Golden/lstm.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// Golden case lstm: s2s.lstm against nn.LSTM, reference data from
// /work/shared/golden/lstm (copied to Inputs/lstm). Attributes as in its
// manifest: {"direction": "forward", "batch_first": false, "hidden_size": 16}.
// Manifest notes: PyTorch semantics: gate order i,f,g,o; w_ih [D,G*H,I], w_hh
// [D,G*H,H], biases [D,G*H]; y is [T,B,D*H] (time-major) with the forward half
// first. With seq_lens, positions past a sequence's length are zero in y and
// h_n/c_n hold each direction's state at the last valid step (PyTorch packed-
// sequence rules).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Golden/Inputs/lstm/x.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm/w_ih.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm/w_hh.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm/b_ih.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm/b_hh.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm/h0.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm/c0.npy \
// RUN:   --expect=%S/../Golden/Inputs/lstm/y.npy \
// RUN:   --expect=%S/../Golden/Inputs/lstm/h_n.npy \
// RUN:   --expect=%S/../Golden/Inputs/lstm/c_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/y.npy
// CHECK: result #1: matches {{.*}}/h_n.npy
// CHECK: result #2: matches {{.*}}/c_n.npy

func.func @main(%x: tensor<?x?x8xf32>, %w_ih: tensor<1x64x8xf32>,
    %w_hh: tensor<1x64x16xf32>, %b_ih: tensor<1x64xf32>,
    %b_hh: tensor<1x64xf32>, %h0: tensor<1x?x16xf32>, %c0: tensor<1x?x16xf32>)
    -> (tensor<?x?x16xf32>, tensor<1x?x16xf32>, tensor<1x?x16xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      c0(%c0) hidden_size(16) direction forward
      : (tensor<?x?x8xf32>, tensor<1x64x8xf32>, tensor<1x64x16xf32>,
         tensor<1x64xf32>, tensor<1x64xf32>, tensor<1x?x16xf32>,
         tensor<1x?x16xf32>)
      -> (tensor<?x?x16xf32>, tensor<1x?x16xf32>, tensor<1x?x16xf32>)
  return %y, %h_n, %c_n : tensor<?x?x16xf32>, tensor<1x?x16xf32>,
      tensor<1x?x16xf32>
}

// Dynamic-shape variant of Golden/rnn_tanh.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// Golden case rnn_tanh: s2s.rnn against nn.RNN, reference data from
// /work/shared/golden/rnn_tanh (copied to Inputs/rnn_tanh). Attributes as in
// its manifest: {"direction": "forward", "batch_first": false, "hidden_size":
// 3, "activation": "tanh"}.
// Manifest notes: PyTorch semantics: gate order -; w_ih [D,G*H,I], w_hh
// [D,G*H,H], biases [D,G*H]; y is [T,B,D*H] (time-major) with the forward half
// first. With seq_lens, positions past a sequence's length are zero in y and
// h_n/c_n hold each direction's state at the last valid step (PyTorch packed-
// sequence rules).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Golden/Inputs/rnn_tanh/x.npy \
// RUN:   --input=%S/../Golden/Inputs/rnn_tanh/w_ih.npy \
// RUN:   --input=%S/../Golden/Inputs/rnn_tanh/w_hh.npy \
// RUN:   --input=%S/../Golden/Inputs/rnn_tanh/b_ih.npy \
// RUN:   --input=%S/../Golden/Inputs/rnn_tanh/b_hh.npy \
// RUN:   --input=%S/../Golden/Inputs/rnn_tanh/h0.npy \
// RUN:   --expect=%S/../Golden/Inputs/rnn_tanh/y.npy \
// RUN:   --expect=%S/../Golden/Inputs/rnn_tanh/h_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/y.npy
// CHECK: result #1: matches {{.*}}/h_n.npy

func.func @main(%x: tensor<?x?x4xf32>, %w_ih: tensor<1x3x4xf32>,
    %w_hh: tensor<1x3x3xf32>, %b_ih: tensor<1x3xf32>, %b_hh: tensor<1x3xf32>,
    %h0: tensor<1x?x3xf32>)
    -> (tensor<?x?x3xf32>, tensor<1x?x3xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      hidden_size(3) direction forward activation tanh
      : (tensor<?x?x4xf32>, tensor<1x3x4xf32>, tensor<1x3x3xf32>,
         tensor<1x3xf32>, tensor<1x3xf32>, tensor<1x?x3xf32>)
      -> (tensor<?x?x3xf32>, tensor<1x?x3xf32>)
  return %y, %h_n : tensor<?x?x3xf32>, tensor<1x?x3xf32>
}

// Dynamic-shape variant of Golden/lstm_batch_first.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// Golden case lstm_batch_first: s2s.lstm against nn.LSTM, reference data from
// /work/shared/golden/lstm_batch_first (copied to Inputs/lstm_batch_first).
// Attributes as in its manifest: {"direction": "forward", "batch_first": true,
// "hidden_size": 5}.
// Manifest notes: PyTorch semantics: gate order i,f,g,o; w_ih [D,G*H,I], w_hh
// [D,G*H,H], biases [D,G*H]; y is [T,B,D*H] (time-major) with the forward half
// first. With seq_lens, positions past a sequence's length are zero in y and
// h_n/c_n hold each direction's state at the last valid step (PyTorch packed-
// sequence rules).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Golden/Inputs/lstm_batch_first/x.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_batch_first/w_ih.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_batch_first/w_hh.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_batch_first/b_ih.npy \
// RUN:   --input=%S/../Golden/Inputs/lstm_batch_first/b_hh.npy \
// RUN:   --expect=%S/../Golden/Inputs/lstm_batch_first/y.npy \
// RUN:   --expect=%S/../Golden/Inputs/lstm_batch_first/h_n.npy \
// RUN:   --expect=%S/../Golden/Inputs/lstm_batch_first/c_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/y.npy
// CHECK: result #1: matches {{.*}}/h_n.npy
// CHECK: result #2: matches {{.*}}/c_n.npy

func.func @main(%x: tensor<?x?x6xf32>, %w_ih: tensor<1x20x6xf32>,
    %w_hh: tensor<1x20x5xf32>, %b_ih: tensor<1x20xf32>, %b_hh: tensor<1x20xf32>)
    -> (tensor<?x?x5xf32>, tensor<1x?x5xf32>, tensor<1x?x5xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      hidden_size(5) direction forward batch_first
      : (tensor<?x?x6xf32>, tensor<1x20x6xf32>, tensor<1x20x5xf32>,
         tensor<1x20xf32>, tensor<1x20xf32>)
      -> (tensor<?x?x5xf32>, tensor<1x?x5xf32>, tensor<1x?x5xf32>)
  return %y, %h_n, %c_n : tensor<?x?x5xf32>, tensor<1x?x5xf32>,
      tensor<1x?x5xf32>
}

// Dynamic-shape variant of Generated/lstm_t1.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.lstm over a length-1 sequence (T=1) with h0 and c0 against nn.LSTM: y is
// the single step's h, which must equal h_n.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/lstm_t1/x.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_t1/w_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_t1/w_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_t1/b_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_t1/b_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_t1/h0.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_t1/c0.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_t1/y.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_t1/h_n.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_t1/c_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/y.npy
// CHECK: result #1: matches {{.*}}/h_n.npy
// CHECK: result #2: matches {{.*}}/c_n.npy

func.func @main(%x: tensor<?x?x5xf32>, %w_ih: tensor<1x24x5xf32>,
    %w_hh: tensor<1x24x6xf32>, %b_ih: tensor<1x24xf32>, %b_hh: tensor<1x24xf32>,
    %h0: tensor<1x?x6xf32>, %c0: tensor<1x?x6xf32>)
    -> (tensor<?x?x6xf32>, tensor<1x?x6xf32>, tensor<1x?x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      c0(%c0) hidden_size(6)
      : (tensor<?x?x5xf32>, tensor<1x24x5xf32>, tensor<1x24x6xf32>,
         tensor<1x24xf32>, tensor<1x24xf32>, tensor<1x?x6xf32>,
         tensor<1x?x6xf32>)
      -> (tensor<?x?x6xf32>, tensor<1x?x6xf32>, tensor<1x?x6xf32>)
  return %y, %h_n, %c_n : tensor<?x?x6xf32>, tensor<1x?x6xf32>,
      tensor<1x?x6xf32>
}

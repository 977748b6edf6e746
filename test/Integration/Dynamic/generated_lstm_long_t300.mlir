// Dynamic-shape variant of Generated/lstm_long_t300.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.lstm over a long sequence (T=300, small sizes B=2, I=3, H=4) against
// nn.LSTM: the state is carried through 300 iterations of the time loop, so an
// off-by-one in the loop bounds or an error that compounds over time shows up.
// The reference is computed in float64; the LSTM's gates are contracting, so
// float32 rounding does not grow with T and the usual recurrent tolerance
// holds.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/lstm_long_t300/x.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_long_t300/w_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_long_t300/w_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_long_t300/b_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_long_t300/b_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_long_t300/h0.npy \
// RUN:   --input=%S/../Generated/Inputs/lstm_long_t300/c0.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_long_t300/y.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_long_t300/h_n.npy \
// RUN:   --expect=%S/../Generated/Inputs/lstm_long_t300/c_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/y.npy
// CHECK: result #1: matches {{.*}}/h_n.npy
// CHECK: result #2: matches {{.*}}/c_n.npy

func.func @main(%x: tensor<?x?x3xf32>, %w_ih: tensor<1x16x3xf32>,
    %w_hh: tensor<1x16x4xf32>, %b_ih: tensor<1x16xf32>, %b_hh: tensor<1x16xf32>,
    %h0: tensor<1x?x4xf32>, %c0: tensor<1x?x4xf32>)
    -> (tensor<?x?x4xf32>, tensor<1x?x4xf32>, tensor<1x?x4xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      c0(%c0) hidden_size(4)
      : (tensor<?x?x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xf32>,
         tensor<1x16xf32>, tensor<1x16xf32>, tensor<1x?x4xf32>,
         tensor<1x?x4xf32>)
      -> (tensor<?x?x4xf32>, tensor<1x?x4xf32>, tensor<1x?x4xf32>)
  return %y, %h_n, %c_n : tensor<?x?x4xf32>, tensor<1x?x4xf32>,
      tensor<1x?x4xf32>
}

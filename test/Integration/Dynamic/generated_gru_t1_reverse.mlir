// Dynamic-shape variant of Generated/gru_t1_reverse.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.gru in the reverse direction over a length-1 sequence (T=1) against the
// backward half of a bidirectional nn.GRU: the reversed time index T-1-t must
// be 0 on the only step.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/gru_t1_reverse/x.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_t1_reverse/w_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_t1_reverse/w_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_t1_reverse/b_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_t1_reverse/b_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_t1_reverse/h0.npy \
// RUN:   --expect=%S/../Generated/Inputs/gru_t1_reverse/y.npy \
// RUN:   --expect=%S/../Generated/Inputs/gru_t1_reverse/h_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/y.npy
// CHECK: result #1: matches {{.*}}/h_n.npy

func.func @main(%x: tensor<?x?x5xf32>, %w_ih: tensor<1x18x5xf32>,
    %w_hh: tensor<1x18x6xf32>, %b_ih: tensor<1x18xf32>, %b_hh: tensor<1x18xf32>,
    %h0: tensor<1x?x6xf32>)
    -> (tensor<?x?x6xf32>, tensor<1x?x6xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      hidden_size(6) direction reverse
      : (tensor<?x?x5xf32>, tensor<1x18x5xf32>, tensor<1x18x6xf32>,
         tensor<1x18xf32>, tensor<1x18xf32>, tensor<1x?x6xf32>)
      -> (tensor<?x?x6xf32>, tensor<1x?x6xf32>)
  return %y, %h_n : tensor<?x?x6xf32>, tensor<1x?x6xf32>
}

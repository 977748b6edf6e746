// Dynamic-shape variant of Generated/gru_no_linear_before_reset.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.gru with linear_before_reset(false), the original GRU (ONNX's default)
// whose candidate is tanh(W_in x + b_in + W_hn (r * h) + b_hn), the reset
// applied before the n-gate contraction. nn.GRU only has the PyTorch form, so
// the reference is written in torch ops (and checked against nn.GRU in the
// PyTorch form first). Odd sizes (H=7, I=5, B=3, T=5).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/gru_no_linear_before_reset/x.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_no_linear_before_reset/w_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_no_linear_before_reset/w_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_no_linear_before_reset/b_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_no_linear_before_reset/b_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_no_linear_before_reset/h0.npy \
// RUN:   --expect=%S/../Generated/Inputs/gru_no_linear_before_reset/y.npy \
// RUN:   --expect=%S/../Generated/Inputs/gru_no_linear_before_reset/h_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/y.npy
// CHECK: result #1: matches {{.*}}/h_n.npy

func.func @main(%x: tensor<?x?x5xf32>, %w_ih: tensor<1x21x5xf32>,
    %w_hh: tensor<1x21x7xf32>, %b_ih: tensor<1x21xf32>, %b_hh: tensor<1x21xf32>,
    %h0: tensor<1x?x7xf32>)
    -> (tensor<?x?x7xf32>, tensor<1x?x7xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      hidden_size(7) linear_before_reset(false)
      : (tensor<?x?x5xf32>, tensor<1x21x5xf32>, tensor<1x21x7xf32>,
         tensor<1x21xf32>, tensor<1x21xf32>, tensor<1x?x7xf32>)
      -> (tensor<?x?x7xf32>, tensor<1x?x7xf32>)
  return %y, %h_n : tensor<?x?x7xf32>, tensor<1x?x7xf32>
}

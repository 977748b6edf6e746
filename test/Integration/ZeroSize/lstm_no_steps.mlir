// s2s.lstm over 0 time steps: y is empty and the final states are the
// initial ones.

// RUN: s2s-run %s --input=%S/Inputs/lstm_no_steps/x.npy --input=%S/Inputs/lstm_no_steps/w_ih.npy --input=%S/Inputs/lstm_no_steps/w_hh.npy --input=%S/Inputs/lstm_no_steps/h0.npy --input=%S/Inputs/lstm_no_steps/c0.npy --expect=%S/Inputs/lstm_no_steps/y.npy --expect=%S/Inputs/lstm_no_steps/h_n.npy --expect=%S/Inputs/lstm_no_steps/c_n.npy --quiet | FileCheck %s
// CHECK: result #0: matches {{.*}}/y.npy (0 elements
// CHECK: result #1: matches {{.*}}/h_n.npy (24 elements, max |diff| 0)
// CHECK: result #2: matches {{.*}}/c_n.npy (24 elements, max |diff| 0)

func.func @main(%x: tensor<0x3x6xf32>, %w_ih: tensor<1x32x6xf32>,
    %w_hh: tensor<1x32x8xf32>, %h0: tensor<1x3x8xf32>, %c0: tensor<1x3x8xf32>)
    -> (tensor<0x3x8xf32>, tensor<1x3x8xf32>, tensor<1x3x8xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh h0(%h0) c0(%c0) hidden_size(8)
      : (tensor<0x3x6xf32>, tensor<1x32x6xf32>, tensor<1x32x8xf32>,
         tensor<1x3x8xf32>, tensor<1x3x8xf32>)
      -> (tensor<0x3x8xf32>, tensor<1x3x8xf32>, tensor<1x3x8xf32>)
  return %y, %h_n, %c_n : tensor<0x3x8xf32>, tensor<1x3x8xf32>,
      tensor<1x3x8xf32>
}

// s2s.gru over a batch of 0 sequences, with seq_lens: empty y and h_n (the
// lowering built row groups of a 0-row batch and emitted invalid slices).

// RUN: s2s-run %s --input=%S/Inputs/gru_batch0/x.npy --input=%S/Inputs/gru_batch0/w_ih.npy --input=%S/Inputs/gru_batch0/w_hh.npy --input=%S/Inputs/gru_batch0/seq_lens.npy --expect=%S/Inputs/gru_batch0/y.npy --expect=%S/Inputs/gru_batch0/h_n.npy --quiet | FileCheck %s
// CHECK: result #0: matches {{.*}}/y.npy (0 elements
// CHECK: result #1: matches {{.*}}/h_n.npy (0 elements

func.func @main(%x: tensor<5x0x6xf32>, %w_ih: tensor<1x24x6xf32>,
    %w_hh: tensor<1x24x8xf32>, %seq_lens: tensor<0xi64>)
    -> (tensor<5x0x8xf32>, tensor<1x0x8xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh seq_lens(%seq_lens) hidden_size(8)
      : (tensor<5x0x6xf32>, tensor<1x24x6xf32>, tensor<1x24x8xf32>,
         tensor<0xi64>)
      -> (tensor<5x0x8xf32>, tensor<1x0x8xf32>)
  return %y, %h_n : tensor<5x0x8xf32>, tensor<1x0x8xf32>
}

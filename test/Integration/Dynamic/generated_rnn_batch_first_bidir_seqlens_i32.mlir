// Dynamic-shape variant of Generated/rnn_batch_first_bidir_seqlens_i32.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.rnn (tanh) batch_first, bidirectional, with i32 seq_lens and no h0
// against nn.RNN(batch_first=True, bidirectional=True) over
// pack_padded_sequence (enforce_sorted=False): y is [B, T, 2H], zero past each
// length; h_n at each direction's last valid step.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/rnn_batch_first_bidir_seqlens_i32/x.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_batch_first_bidir_seqlens_i32/w_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_batch_first_bidir_seqlens_i32/w_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_batch_first_bidir_seqlens_i32/b_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_batch_first_bidir_seqlens_i32/b_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_batch_first_bidir_seqlens_i32/seq_lens.npy \
// RUN:   --expect=%S/../Generated/Inputs/rnn_batch_first_bidir_seqlens_i32/y.npy \
// RUN:   --expect=%S/../Generated/Inputs/rnn_batch_first_bidir_seqlens_i32/h_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet | FileCheck %s
// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/rnn_batch_first_bidir_seqlens_i32/x.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_batch_first_bidir_seqlens_i32/w_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_batch_first_bidir_seqlens_i32/w_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_batch_first_bidir_seqlens_i32/b_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_batch_first_bidir_seqlens_i32/b_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/rnn_batch_first_bidir_seqlens_i32/seq_lens.npy \
// RUN:   --expect=%S/../Generated/Inputs/rnn_batch_first_bidir_seqlens_i32/y.npy \
// RUN:   --expect=%S/../Generated/Inputs/rnn_batch_first_bidir_seqlens_i32/h_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet --pipeline-options=rnn-block-rows=2 | FileCheck %s

// CHECK: result #0: matches {{.*}}/y.npy
// CHECK: result #1: matches {{.*}}/h_n.npy

func.func @main(%x: tensor<?x?x4xf32>, %w_ih: tensor<2x6x4xf32>,
    %w_hh: tensor<2x6x6xf32>, %b_ih: tensor<2x6xf32>, %b_hh: tensor<2x6xf32>,
    %seq_lens: tensor<?xi32>)
    -> (tensor<?x?x12xf32>, tensor<2x?x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      seq_lens(%seq_lens) hidden_size(6) direction bidirectional batch_first
      : (tensor<?x?x4xf32>, tensor<2x6x4xf32>, tensor<2x6x6xf32>,
         tensor<2x6xf32>, tensor<2x6xf32>, tensor<?xi32>)
      -> (tensor<?x?x12xf32>, tensor<2x?x6xf32>)
  return %y, %h_n : tensor<?x?x12xf32>, tensor<2x?x6xf32>
}

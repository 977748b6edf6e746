// Dynamic-shape variant of Generated/gru_batch_first_bidir_seqlens.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.gru batch_first, bidirectional, with seq_lens (i64) and h0 against
// nn.GRU(batch_first=True, bidirectional=True) over pack_padded_sequence with
// unsorted lengths (enforce_sorted=False): y is [B, T, 2H] and zero past each
// length, h_n holds each direction's state at its last valid step.

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/gru_batch_first_bidir_seqlens/x.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_batch_first_bidir_seqlens/w_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_batch_first_bidir_seqlens/w_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_batch_first_bidir_seqlens/b_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_batch_first_bidir_seqlens/b_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_batch_first_bidir_seqlens/h0.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_batch_first_bidir_seqlens/seq_lens.npy \
// RUN:   --expect=%S/../Generated/Inputs/gru_batch_first_bidir_seqlens/y.npy \
// RUN:   --expect=%S/../Generated/Inputs/gru_batch_first_bidir_seqlens/h_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet | FileCheck %s
// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/gru_batch_first_bidir_seqlens/x.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_batch_first_bidir_seqlens/w_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_batch_first_bidir_seqlens/w_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_batch_first_bidir_seqlens/b_ih.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_batch_first_bidir_seqlens/b_hh.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_batch_first_bidir_seqlens/h0.npy \
// RUN:   --input=%S/../Generated/Inputs/gru_batch_first_bidir_seqlens/seq_lens.npy \
// RUN:   --expect=%S/../Generated/Inputs/gru_batch_first_bidir_seqlens/y.npy \
// RUN:   --expect=%S/../Generated/Inputs/gru_batch_first_bidir_seqlens/h_n.npy \
// RUN:   --rtol=0.0001 --atol=2e-05 --quiet --pipeline-options=rnn-block-rows=2 | FileCheck %s

// CHECK: result #0: matches {{.*}}/y.npy
// CHECK: result #1: matches {{.*}}/h_n.npy

func.func @main(%x: tensor<?x?x5xf32>, %w_ih: tensor<2x21x5xf32>,
    %w_hh: tensor<2x21x7xf32>, %b_ih: tensor<2x21xf32>, %b_hh: tensor<2x21xf32>,
    %h0: tensor<2x?x7xf32>, %seq_lens: tensor<?xi64>)
    -> (tensor<?x?x14xf32>, tensor<2x?x7xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      seq_lens(%seq_lens) hidden_size(7) direction bidirectional batch_first
      : (tensor<?x?x5xf32>, tensor<2x21x5xf32>, tensor<2x21x7xf32>,
         tensor<2x21xf32>, tensor<2x21xf32>, tensor<2x?x7xf32>, tensor<?xi64>)
      -> (tensor<?x?x14xf32>, tensor<2x?x7xf32>)
  return %y, %h_n : tensor<?x?x14xf32>, tensor<2x?x7xf32>
}

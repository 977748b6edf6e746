// RUN: s2s-opt %s --convert-s2s-to-linalg-fused-rnn="rnn-parallel-min-flops=0" --convert-s2s-to-linalg -split-input-file | FileCheck %s
// RUN: s2s-opt %s --convert-s2s-to-linalg-fused-rnn="rnn-block-units=12 rnn-parallel-min-flops=0" --convert-s2s-to-linalg -split-input-file | FileCheck %s --check-prefix=TAIL
// RUN: s2s-opt %s --convert-s2s-to-linalg-fused-rnn --convert-s2s-to-linalg -split-input-file | FileCheck %s --check-prefix=SEQ
// RUN: s2s-opt %s --convert-s2s-to-linalg -split-input-file | FileCheck %s --check-prefix=OFF
// RUN: s2s-opt %s --convert-s2s-to-linalg-fused-rnn="rnn-parallel-min-flops=0 rnn-block-rows=0" --convert-s2s-to-linalg -split-input-file | FileCheck %s --check-prefix=NO-GROUPS

// The fused recurrent step (convert-s2s-to-linalg-fused-rnn): W_hh is
// rearranged once, before the time loop, into blocks of hidden units whose
// columns hold all gates of their units; each step is an scf.forall over
// the blocks, each computing its [B, H] x [H, G*U] GEMM and then its gate
// math, writing its columns of h' and c' in place.

/// An LSTM with H = 32: two blocks of 16 units, 64 GEMM columns each. The
/// rearrangement is a pure permutation of W_hh viewed as [G, blocks, U, H].
// CHECK-DAG:   #[[$PACK:.+]] = affine_map<(d0, d1, d2, d3) -> (d2, d0, d3, d1)>
// CHECK-DAG:   #[[$B_COLS:.+]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-LABEL: func.func @lstm_fused(
// CHECK:         %[[W4:.+]] = tensor.expand_shape {{.+}} output_shape [4, 2, 16, 32] : tensor<4x32x32xf32> into tensor<4x2x16x32xf32>
// CHECK:         %[[PACKED:.+]] = linalg.generic {indexing_maps = [#[[$PACK]], #{{.+}}], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[W4]] : tensor<4x2x16x32xf32>) outs(%{{.+}} : tensor<2x32x4x16xf32>)
// CHECK:         %[[BLOCKS:.+]] = tensor.collapse_shape %[[PACKED]] {{\[}}[0], [1], [2, 3]] : tensor<2x32x4x16xf32> into tensor<2x32x64xf32>
// CHECK:         scf.for %{{.+}} iter_args(%[[H:[a-zA-Z0-9_]+]] = %{{.+}}, %[[C:[a-zA-Z0-9_]+]] = %{{.+}}, %{{.+}} = %{{.+}})
// CHECK:           %[[STEP:.+]]:2 = scf.forall (%[[N:.+]]) in (2) shared_outs(%[[H_OUT:.+]] = %{{.+}}, %[[C_OUT:.+]] = %{{.+}}) -> (tensor<2x32xf32>, tensor<2x32xf32>)
// CHECK:             %[[FIRST:.+]] = arith.addi %{{.+}}, %{{.+}} : index
// CHECK:             %[[W_BLOCK:.+]] = tensor.extract_slice %[[BLOCKS]][%[[N]], 0, 0] [1, 32, 64] [1, 1, 1] : tensor<2x32x64xf32> to tensor<32x64xf32>
// CHECK:             %[[GH:.+]] = linalg.generic {indexing_maps = [#{{.+}}, #[[$B_COLS]], #{{.+}}], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[H]], %[[W_BLOCK]] : tensor<2x32xf32>, tensor<32x64xf32>) outs(%{{.+}} : tensor<2x64xf32>)
// CHECK:             %[[GH3:.+]] = tensor.expand_shape %[[GH]] {{\[}}[0], [1, 2]] output_shape [2, 4, 16]
// CHECK:             %[[C_TILE:.+]] = tensor.extract_slice %[[C]][0, %[[FIRST]]] [2, 16] [1, 1]
// CHECK:             %[[H_DST:.+]] = tensor.extract_slice %[[H_OUT]][0, %[[FIRST]]] [2, 16] [1, 1]
// CHECK:             %[[C_DST:.+]] = tensor.extract_slice %[[C_OUT]][0, %[[FIRST]]] [2, 16] [1, 1]
// CHECK:             %[[NEXT:.+]]:2 = linalg.generic
// CHECK-SAME:            %[[GH3]], %[[GH3]], %[[GH3]], %[[GH3]],
// CHECK-SAME:            %[[C_TILE]] :
// CHECK-SAME:            outs(%[[H_DST]], %[[C_DST]] : tensor<2x16xf32>, tensor<2x16xf32>)
// CHECK:               math.tanh
// CHECK:             scf.forall.in_parallel
// CHECK-NEXT:          tensor.parallel_insert_slice %[[NEXT]]#0 into %[[H_OUT]][0, %[[FIRST]]] [2, 16] [1, 1]
// CHECK-NEXT:          tensor.parallel_insert_slice %[[NEXT]]#1 into %[[C_OUT]][0, %[[FIRST]]] [2, 16] [1, 1]
// CHECK:           scf.yield %[[STEP]]#0, %[[STEP]]#1

/// Hidden units that do not fill a block form a last, shorter block of
/// their own (H = 32 in blocks of 12: two of 12, one of 8).
// TAIL-LABEL:  func.func @lstm_fused(
// TAIL:          scf.for
// TAIL:            %[[FULL:.+]]:2 = scf.forall (%{{.+}}) in (2) shared_outs
// TAIL:              ins(%{{.+}}, %{{.+}} : tensor<2x32xf32>, tensor<32x48xf32>) outs(%{{.+}} : tensor<2x48xf32>)
// TAIL:            scf.forall (%{{.+}}) in (1) shared_outs(%{{.+}} = %[[FULL]]#0, %{{.+}} = %[[FULL]]#1)
// TAIL:              ins(%{{.+}}, %{{.+}} : tensor<2x32xf32>, tensor<32x32xf32>) outs(%{{.+}} : tensor<2x32xf32>)

/// A step of fewer than rnn-parallel-min-flops FLOPs (here 2*2*32*4*32)
/// loops over its blocks in sequence: a fork/join would cost more.
// SEQ-LABEL:   func.func @lstm_fused(
// SEQ:           scf.for
// SEQ-NOT:         scf.forall
// SEQ:             %[[STEP:.+]]:2 = scf.for %[[N:.+]] = %{{.+}} to %{{.+}} step %{{.+}} iter_args(%[[H_OUT:.+]] = %{{.+}}, %[[C_OUT:.+]] = %{{.+}}) -> (tensor<2x32xf32>, tensor<2x32xf32>)
// SEQ:               %[[NEXT:.+]]:2 = linalg.generic
// SEQ:               %[[H_NEW:.+]] = tensor.insert_slice %[[NEXT]]#0 into %[[H_OUT]]
// SEQ:               %[[C_NEW:.+]] = tensor.insert_slice %[[NEXT]]#1 into %[[C_OUT]]
// SEQ:               scf.yield %[[H_NEW]], %[[C_NEW]]

/// Switched off: one GEMM over all gates, then the gate math of the step.
// OFF-LABEL:   func.func @lstm_fused(
// OFF-NOT:       scf.forall
// OFF:           return
func.func @lstm_fused(%x: tensor<5x2x8xf32>, %w_ih: tensor<1x128x8xf32>,
    %w_hh: tensor<1x128x32xf32>, %b_ih: tensor<1x128xf32>,
    %b_hh: tensor<1x128xf32>)
    -> (tensor<5x2x32xf32>, tensor<1x2x32xf32>, tensor<1x2x32xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      hidden_size(32)
      : (tensor<5x2x8xf32>, tensor<1x128x8xf32>, tensor<1x128x32xf32>, tensor<1x128xf32>, tensor<1x128xf32>)
      -> (tensor<5x2x32xf32>, tensor<1x2x32xf32>, tensor<1x2x32xf32>)
  return %y, %h_n, %c_n : tensor<5x2x32xf32>, tensor<1x2x32xf32>, tensor<1x2x32xf32>
}

// -----

/// A GRU (linear_before_reset, as PyTorch's): b_hh is added to each gate's
/// column of the block's GEMM in the gate math, before r multiplies the
/// n gate's.
// CHECK-LABEL: func.func @gru_fused(
// CHECK:         scf.for
// CHECK:           scf.forall (%{{.+}}) in (1) shared_outs(%{{.+}} = %{{.+}}) -> (tensor<3x16xf32>)
// CHECK:             ins(%{{.+}}, %{{.+}} : tensor<3x16xf32>, tensor<16x48xf32>) outs(%{{.+}} : tensor<3x48xf32>)
// CHECK:             linalg.generic
// CHECK:             ^bb0(%[[XR:[a-zA-Z0-9_]+]]: f32, %[[XZ:[a-zA-Z0-9_]+]]: f32, %[[XN:[a-zA-Z0-9_]+]]: f32, %[[HR:[a-zA-Z0-9_]+]]: f32, %[[HZ:[a-zA-Z0-9_]+]]: f32, %[[HN:[a-zA-Z0-9_]+]]: f32, %[[BR:[a-zA-Z0-9_]+]]: f32, %[[BZ:[a-zA-Z0-9_]+]]: f32, %[[BN:[a-zA-Z0-9_]+]]: f32, %[[H:[a-zA-Z0-9_]+]]: f32,
// CHECK:               %[[HRB:.+]] = arith.addf %[[HR]], %[[BR]] : f32
// CHECK:               arith.addf %[[XR]], %[[HRB]] : f32
// CHECK:               %[[HNB:.+]] = arith.addf %[[HN]], %[[BN]] : f32
// CHECK:               %[[RH:.+]] = arith.mulf %{{.+}}, %[[HNB]] : f32
// CHECK:               arith.addf %[[XN]], %[[RH]] : f32
// CHECK:               math.tanh
// CHECK:               arith.mulf %{{.+}}, %[[H]] : f32
func.func @gru_fused(%x: tensor<4x3x5xf32>, %w_ih: tensor<1x48x5xf32>,
    %w_hh: tensor<1x48x16xf32>, %b_ih: tensor<1x48xf32>,
    %b_hh: tensor<1x48xf32>) -> (tensor<4x3x16xf32>, tensor<1x3x16xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      hidden_size(16)
      : (tensor<4x3x5xf32>, tensor<1x48x5xf32>, tensor<1x48x16xf32>, tensor<1x48xf32>, tensor<1x48xf32>)
      -> (tensor<4x3x16xf32>, tensor<1x3x16xf32>)
  return %y, %h_n : tensor<4x3x16xf32>, tensor<1x3x16xf32>
}

// -----

/// Not fused: a GRU without linear_before_reset (its n-gate GEMM reads
/// r * h, so a step is two GEMMs) ...
// CHECK-LABEL: func.func @gru_reset_first(
// CHECK-NOT:     scf.forall
// CHECK:         return
func.func @gru_reset_first(%x: tensor<4x3x5xf32>, %w_ih: tensor<1x48x5xf32>,
    %w_hh: tensor<1x48x16xf32>) -> (tensor<4x3x16xf32>, tensor<1x3x16xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh hidden_size(16)
      linear_before_reset(false)
      : (tensor<4x3x5xf32>, tensor<1x48x5xf32>, tensor<1x48x16xf32>)
      -> (tensor<4x3x16xf32>, tensor<1x3x16xf32>)
  return %y, %h_n : tensor<4x3x16xf32>, tensor<1x3x16xf32>
}

// -----

/// ... and a single cell (no loop to rearrange W_hh for).
// CHECK-LABEL: func.func @lstm_cell(
// CHECK-NOT:     scf.forall
// CHECK:         return
func.func @lstm_cell(%x: tensor<2x8xf32>, %h: tensor<2x16xf32>,
    %c: tensor<2x16xf32>, %w_ih: tensor<64x8xf32>, %w_hh: tensor<64x16xf32>)
    -> (tensor<2x16xf32>, tensor<2x16xf32>) {
  %h1, %c1 = s2s.lstm_cell %x, %h, %c, %w_ih, %w_hh
      : (tensor<2x8xf32>, tensor<2x16xf32>, tensor<2x16xf32>, tensor<64x8xf32>, tensor<64x16xf32>)
      -> (tensor<2x16xf32>, tensor<2x16xf32>)
  return %h1, %c1 : tensor<2x16xf32>, tensor<2x16xf32>
}

// -----

/// With seq_lens, the batch is split into groups of rows as well (here 2
/// groups of 4): the longest sequence of each group is computed once, and
/// a group's tile at step t is computed only while one of its sequences
/// lasts (t < longest); otherwise the tile keeps its contents, which the
/// seq_lens selection after the step does not read.
// CHECK-LABEL: func.func @lstm_seq_lens(
// CHECK-SAME:      %[[LENS:[a-zA-Z0-9_]+]]: tensor<8xi64>)
// CHECK:         %[[LENS2:.+]] = tensor.expand_shape %[[LENS]] {{\[}}[0, 1]] output_shape [2, 4] : tensor<8xi64> into tensor<2x4xi64>
// CHECK:         %[[LONGEST:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "reduction"]} ins(%[[LENS2]] : tensor<2x4xi64>)
// CHECK:           arith.maxsi
// CHECK:         scf.for %[[T:[a-zA-Z0-9_]+]] = {{.+}} iter_args(%[[H:[a-zA-Z0-9_]+]] = %{{.+}},
// CHECK:           scf.forall (%[[G:.+]], %[[N:.+]]) in (2, 2) shared_outs(%[[H_OUT:.+]] = %{{.+}}, %[[C_OUT:.+]] = %{{.+}})
// CHECK:             %[[ROW0:.+]] = arith.muli %[[G]], %{{.+}} : index
// CHECK:             %[[GROUP_LEN:.+]] = tensor.extract %[[LONGEST]][%[[G]]] : tensor<2xi64>
// CHECK:             %[[T_LEN:.+]] = arith.index_cast %[[T]] : index to i64
// CHECK:             %[[ACTIVE:.+]] = arith.cmpi sgt, %[[GROUP_LEN]], %[[T_LEN]] : i64
// CHECK:             %[[TILES:.+]]:2 = scf.if %[[ACTIVE]] -> (tensor<4x16xf32>, tensor<4x16xf32>) {
// CHECK:               %[[H_ROWS:.+]] = tensor.extract_slice %[[H]][%[[ROW0]], 0] [4, 32] [1, 1]
// CHECK:               linalg.generic {{.+}} ins(%[[H_ROWS]], %{{.+}} : tensor<4x32xf32>, tensor<32x64xf32>) outs(%{{.+}} : tensor<4x64xf32>)
// CHECK:               scf.yield
// CHECK:             } else {
// CHECK:               %[[KEEP_H:.+]] = tensor.extract_slice %[[H_OUT]][%[[ROW0]], %{{.+}}] [4, 16] [1, 1]
// CHECK:               %[[KEEP_C:.+]] = tensor.extract_slice %[[C_OUT]][%[[ROW0]], %{{.+}}] [4, 16] [1, 1]
// CHECK:               scf.yield %[[KEEP_H]], %[[KEEP_C]]
// CHECK:             scf.forall.in_parallel
// CHECK-NEXT:          tensor.parallel_insert_slice %[[TILES]]#0 into %[[H_OUT]][%[[ROW0]], %{{.+}}] [4, 16] [1, 1]
// CHECK-NEXT:          tensor.parallel_insert_slice %[[TILES]]#1 into %[[C_OUT]][%[[ROW0]], %{{.+}}] [4, 16] [1, 1]
// NO-GROUPS-LABEL: func.func @lstm_seq_lens(
// NO-GROUPS-NOT:     scf.if
// NO-GROUPS:         scf.forall (%{{.+}}) in (2) shared_outs
// NO-GROUPS-NOT:     scf.if
// NO-GROUPS:         return
func.func @lstm_seq_lens(%x: tensor<5x8x8xf32>, %w_ih: tensor<1x128x8xf32>,
    %w_hh: tensor<1x128x32xf32>, %lens: tensor<8xi64>)
    -> (tensor<5x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh seq_lens(%lens) hidden_size(32)
      : (tensor<5x8x8xf32>, tensor<1x128x8xf32>, tensor<1x128x32xf32>, tensor<8xi64>)
      -> (tensor<5x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>)
  return %y, %h_n, %c_n : tensor<5x8x32xf32>, tensor<1x8x32xf32>, tensor<1x8x32xf32>
}

// -----

/// A dynamic batch is split into groups of rnn-block-rows (8) rows and a
/// last group of the rest: ceil(B / 8) groups, whose longest sequences a
/// loop over the rows finds once; a group's tile has min(8, B - row0) rows.
// CHECK-LABEL: func.func @lstm_seq_lens_dynamic(
// CHECK-SAME:      %[[LENS:[a-zA-Z0-9_]+]]: tensor<?xi64>)
// CHECK:         %[[B:.+]] = tensor.dim %[[LENS]], %{{.+}} : tensor<?xi64>
// CHECK:         %[[B7:.+]] = arith.addi %[[B]], %{{.+}} : index
// CHECK:         %[[NG:.+]] = arith.divui %[[B7]], %{{.+}} : index
// CHECK:         %[[LONGEST:.+]] = scf.for %[[ROW:.+]] = %{{.+}} to %[[B]] step %{{.+}} iter_args(%[[ACC:.+]] = %{{.+}}) -> (tensor<?xi64>) {
// CHECK:           %[[GROUP:.+]] = arith.divui %[[ROW]], %{{.+}} : index
// CHECK:           %[[LEN:.+]] = tensor.extract %[[LENS]][%[[ROW]]] : tensor<?xi64>
// CHECK:           %[[CUR:.+]] = tensor.extract %[[ACC]][%[[GROUP]]] : tensor<?xi64>
// CHECK:           %[[MAX:.+]] = arith.maxsi %[[CUR]], %[[LEN]] : i64
// CHECK:           tensor.insert %[[MAX]] into %[[ACC]][%[[GROUP]]] : tensor<?xi64>
// CHECK:         scf.for %[[T:[a-zA-Z0-9_]+]] = {{.+}} iter_args(%[[H:[a-zA-Z0-9_]+]] = %{{.+}},
// CHECK:           scf.forall (%[[G:.+]], %[[N:.+]]) in (%{{.+}}, 2) shared_outs(%[[H_OUT:.+]] = %{{.+}}, %[[C_OUT:.+]] = %{{.+}})
// CHECK:             %[[ROW0:.+]] = arith.muli %[[G]], %{{.+}} : index
// CHECK:             %[[REST:.+]] = arith.subi %{{.+}}, %[[ROW0]] : index
// CHECK:             %[[ROWS:.+]] = arith.minsi %{{.+}}, %[[REST]] : index
// CHECK:             %[[GROUP_LEN:.+]] = tensor.extract %[[LONGEST]][%[[G]]] : tensor<?xi64>
// CHECK:             %[[TILES:.+]]:2 = scf.if %{{.+}} -> (tensor<?x16xf32>, tensor<?x16xf32>) {
// CHECK:               %[[H_ROWS:.+]] = tensor.extract_slice %[[H]][%[[ROW0]], 0] [%[[ROWS]], 32] [1, 1]
// CHECK:             scf.forall.in_parallel
// CHECK-NEXT:          tensor.parallel_insert_slice %[[TILES]]#0 into %[[H_OUT]][%[[ROW0]], %{{.+}}] [%[[ROWS]], 16] [1, 1]
// CHECK-NEXT:          tensor.parallel_insert_slice %[[TILES]]#1 into %[[C_OUT]][%[[ROW0]], %{{.+}}] [%[[ROWS]], 16] [1, 1]
// NO-GROUPS-LABEL: func.func @lstm_seq_lens_dynamic(
// NO-GROUPS-NOT:     scf.if
// NO-GROUPS:         scf.forall (%{{.+}}) in (2) shared_outs
// NO-GROUPS-NOT:     scf.if
// NO-GROUPS:         return
func.func @lstm_seq_lens_dynamic(%x: tensor<?x?x8xf32>,
    %w_ih: tensor<1x128x8xf32>, %w_hh: tensor<1x128x32xf32>,
    %lens: tensor<?xi64>)
    -> (tensor<?x?x32xf32>, tensor<1x?x32xf32>, tensor<1x?x32xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh seq_lens(%lens) hidden_size(32)
      : (tensor<?x?x8xf32>, tensor<1x128x8xf32>, tensor<1x128x32xf32>, tensor<?xi64>)
      -> (tensor<?x?x32xf32>, tensor<1x?x32xf32>, tensor<1x?x32xf32>)
  return %y, %h_n, %c_n : tensor<?x?x32xf32>, tensor<1x?x32xf32>, tensor<1x?x32xf32>
}

// RUN: s2s-opt %s --convert-s2s-to-linalg -split-input-file | FileCheck %s

/// No s2s op survives the pass, alone or after the passes that lower some ops
/// with a schedule first: every op of the dialect has a lowering.
// RUN: s2s-opt %s --convert-s2s-to-linalg -split-input-file | FileCheck %s --check-prefix=NO-S2S
// RUN: s2s-opt %s --convert-s2s-to-linalg-tiled-attention --convert-s2s-to-linalg-fused-rnn --convert-s2s-to-linalg -split-input-file \
// RUN:   | FileCheck %s --check-prefix=NO-S2S
// NO-S2S-NOT: s2s.

/// The IR does not grow with the sequence length: the T=1000 LSTM of
/// @lstm_long_sequence (the only function kept) lowers to one scf.for (and
/// its fused step to one scf.forall).
// RUN: s2s-opt %s -split-input-file --symbol-privatize=exclude=lstm_long_sequence --symbol-dce --convert-s2s-to-linalg-fused-rnn="rnn-parallel-min-flops=0" --convert-s2s-to-linalg \
// RUN:   | grep -c 'scf.for ' | FileCheck %s --check-prefix=COUNT

// Attention and recurrent layers are checked here as this pass lowers them;
// the tiled attention and the fused recurrent step are in
// convert-s2s-to-linalg-tiled-attention.mlir and -fused-rnn.mlir.
// COUNT: {{^}}1{{$}}

// The lowering of s2s ops to linalg on tensors. Only the structure that
// carries the semantics is checked: loops and their iter_args, slices,
// contractions (reduction iterators) and the math of elementwise bodies.

//===----------------------------------------------------------------------===//
// s2s.rnn
//===----------------------------------------------------------------------===//

/// One step is x_t W_ih^T, h W_hh^T (contractions over the last loop) and an
/// elementwise tanh(a + b); the loop carries h and y.
// CHECK-DAG: #[[$LHS:.+]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[$RHS_T:.+]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[$OUT:.+]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[$ID2:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @rnn_forward(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x6x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x6x6xf32>)
// CHECK-DAG:     %[[C0:.+]] = arith.constant 0 : index
// CHECK-DAG:     %[[C1:.+]] = arith.constant 1 : index
// CHECK-DAG:     %[[C5:.+]] = arith.constant 5 : index
// CHECK-DAG:     %[[Y_INIT:.+]] = tensor.empty() : tensor<5x3x6xf32>
// CHECK-DAG:     %[[H_N_INIT:.+]] = tensor.empty() : tensor<1x3x6xf32>
// CHECK-DAG:     %[[W_IH0:.+]] = tensor.extract_slice %[[W_IH]][0, 0, 0] [1, 6, 4] [1, 1, 1] : tensor<1x6x4xf32> to tensor<6x4xf32>
// CHECK-DAG:     %[[W_HH0:.+]] = tensor.extract_slice %[[W_HH]][0, 0, 0] [1, 6, 6] [1, 1, 1] : tensor<1x6x6xf32> to tensor<6x6xf32>
// CHECK-DAG:     %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK:         %[[H0:.+]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.+}} : tensor<3x6xf32>)
// CHECK:         %[[LOOP:.+]]:2 = scf.for %[[IV:[a-zA-Z0-9_]+]] = %[[C0]] to %[[C5]] step %[[C1]]
// CHECK-SAME:        iter_args(%[[H:[a-zA-Z0-9_]+]] = %[[H0]], %[[Y:[a-zA-Z0-9_]+]] = %[[Y_INIT]]) -> (tensor<3x6xf32>, tensor<5x3x6xf32>)
// CHECK:           %[[X_T:.+]] = tensor.extract_slice %[[X]][%[[IV]], 0, 0] [1, 3, 4] [1, 1, 1] : tensor<5x3x4xf32> to tensor<3x4xf32>
// CHECK:           %[[XW:.+]] = linalg.generic
// CHECK-SAME:          indexing_maps = [#[[$LHS]], #[[$RHS_T]], #[[$OUT]]], iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:          ins(%[[X_T]], %[[W_IH0]] : tensor<3x4xf32>, tensor<6x4xf32>)
// CHECK:             arith.mulf
// CHECK:             arith.addf
// CHECK:           %[[HW:.+]] = linalg.generic
// CHECK-SAME:          indexing_maps = [#[[$LHS]], #[[$RHS_T]], #[[$OUT]]], iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:          ins(%[[H]], %[[W_HH0]] : tensor<3x6xf32>, tensor<6x6xf32>)
// CHECK:           %[[H_NEXT:.+]] = linalg.generic
// CHECK-SAME:          indexing_maps = [#[[$ID2]], #[[$ID2]], #[[$ID2]]], iterator_types = ["parallel", "parallel"]
// CHECK-SAME:          ins(%[[XW]], %[[HW]] : tensor<3x6xf32>, tensor<3x6xf32>)
// CHECK-NEXT:      ^bb0(%[[A:.+]]: f32, %[[B:.+]]: f32, %{{.+}}: f32):
// CHECK-NEXT:        %[[SUM:.+]] = arith.addf %[[A]], %[[B]] : f32
// CHECK-NEXT:        %[[TANH:.+]] = math.tanh %[[SUM]] : f32
// CHECK-NEXT:        linalg.yield %[[TANH]] : f32
// CHECK:           %[[Y_NEXT:.+]] = tensor.insert_slice %[[H_NEXT]] into %[[Y]][%[[IV]], 0, 0] [1, 3, 6] [1, 1, 1] : tensor<3x6xf32> into tensor<5x3x6xf32>
// CHECK:           scf.yield %[[H_NEXT]], %[[Y_NEXT]] : tensor<3x6xf32>, tensor<5x3x6xf32>
// CHECK:         %[[H_N:.+]] = tensor.insert_slice %[[LOOP]]#0 into %[[H_N_INIT]][0, 0, 0] [1, 3, 6] [1, 1, 1] : tensor<3x6xf32> into tensor<1x3x6xf32>
// CHECK:         return %[[LOOP]]#1, %[[H_N]]
func.func @rnn_forward(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// -----

/// h0 is the initial state (not zeros); each bias is added to its
/// contraction, broadcast over the batch; relu replaces tanh.
// CHECK-DAG: #[[$ID2:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$BIAS:.+]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @rnn_relu_biases_h0(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x6x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x6x6xf32>,
// CHECK-SAME:      %[[B_IH:[a-zA-Z0-9_]+]]: tensor<1x6xf32>,
// CHECK-SAME:      %[[B_HH:[a-zA-Z0-9_]+]]: tensor<1x6xf32>,
// CHECK-SAME:      %[[H0:[a-zA-Z0-9_]+]]: tensor<1x3x6xf32>)
// CHECK-DAG:     %[[B_IH0:.+]] = tensor.extract_slice %[[B_IH]][0, 0] [1, 6] [1, 1] : tensor<1x6xf32> to tensor<6xf32>
// CHECK-DAG:     %[[B_HH0:.+]] = tensor.extract_slice %[[B_HH]][0, 0] [1, 6] [1, 1] : tensor<1x6xf32> to tensor<6xf32>
// CHECK-DAG:     %[[H0_D0:.+]] = tensor.extract_slice %[[H0]][0, 0, 0] [1, 3, 6] [1, 1, 1] : tensor<1x3x6xf32> to tensor<3x6xf32>
// CHECK:         scf.for {{.+}} iter_args(%[[H:[a-zA-Z0-9_]+]] = %[[H0_D0]], %{{.+}} = %{{.+}})
// CHECK:           %[[XW:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "reduction"]
// CHECK:           %[[XWB:.+]] = linalg.generic {indexing_maps = [#[[$ID2]], #[[$BIAS]], #[[$ID2]]]
// CHECK-SAME:          ins(%[[XW]], %[[B_IH0]] : tensor<3x6xf32>, tensor<6xf32>)
// CHECK:           %[[HW:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:          ins(%[[H]],
// CHECK:           %[[HWB:.+]] = linalg.generic {indexing_maps = [#[[$ID2]], #[[$BIAS]], #[[$ID2]]]
// CHECK-SAME:          ins(%[[HW]], %[[B_HH0]] : tensor<3x6xf32>, tensor<6xf32>)
// CHECK:           linalg.generic {{.+}} ins(%[[XWB]], %[[HWB]] :
// CHECK-NEXT:      ^bb0(
// CHECK-NEXT:        %[[SUM:.+]] = arith.addf
// CHECK-NEXT:        %[[FZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT:        %[[RELU:.+]] = arith.maximumf %[[SUM]], %[[FZERO]] : f32
// CHECK-NEXT:        linalg.yield %[[RELU]] : f32
func.func @rnn_relu_biases_h0(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>, %b_ih: tensor<1x6xf32>, %b_hh: tensor<1x6xf32>,
    %h0: tensor<1x3x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      hidden_size(6) activation relu
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>,
         tensor<1x6xf32>, tensor<1x6xf32>, tensor<1x3x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// -----

/// The reverse direction runs the same loop from 0 to T and reads and writes
/// time step T-1 - iv.
// CHECK-LABEL: func.func @rnn_reverse(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK-DAG:     %[[C0:.+]] = arith.constant 0 : index
// CHECK-DAG:     %[[C1:.+]] = arith.constant 1 : index
// CHECK-DAG:     %[[C4:.+]] = arith.constant 4 : index
// CHECK-DAG:     %[[C5:.+]] = arith.constant 5 : index
// CHECK:         scf.for %[[IV:[a-zA-Z0-9_]+]] = %[[C0]] to %[[C5]] step %[[C1]] iter_args(%{{.+}} = %{{.+}}, %[[Y:[a-zA-Z0-9_]+]] = %{{.+}})
// CHECK:           %[[T:.+]] = arith.subi %[[C4]], %[[IV]] : index
// CHECK:           tensor.extract_slice %[[X]][%[[T]], 0, 0] [1, 3, 4] [1, 1, 1]
// CHECK:           math.tanh
// CHECK:           tensor.insert_slice %{{.+}} into %[[Y]][%[[T]], 0, 0] [1, 3, 6] [1, 1, 1]
func.func @rnn_reverse(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh hidden_size(6) direction reverse
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// -----

/// One loop advances both directions: the forward step with the weights of
/// direction 0 reads x[iv] and writes y[iv, :, 0:H]; the reverse step with
/// those of direction 1 reads x[T-1 - iv] and writes y[T-1 - iv, :, H:2H].
/// The loop carries both states; h_n stacks them.
// CHECK-LABEL: func.func @rnn_bidirectional(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<2x6x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<2x6x6xf32>)
// CHECK-DAG:     %[[C4:.+]] = arith.constant 4 : index
// CHECK-DAG:     %[[Y_INIT:.+]] = tensor.empty() : tensor<5x3x12xf32>
// CHECK-DAG:     %[[H_N_INIT:.+]] = tensor.empty() : tensor<2x3x6xf32>
// CHECK-DAG:     %[[W_IH_FWD:.+]] = tensor.extract_slice %[[W_IH]][0, 0, 0] [1, 6, 4]
// CHECK-DAG:     %[[W_IH_BWD:.+]] = tensor.extract_slice %[[W_IH]][1, 0, 0] [1, 6, 4]
// CHECK:         %[[LOOP:.+]]:3 = scf.for %[[IV:[a-zA-Z0-9_]+]] = {{.+}} iter_args(%[[H_F:[a-zA-Z0-9_]+]] = %{{.+}}, %[[H_B:[a-zA-Z0-9_]+]] = %{{.+}}, %[[Y:[a-zA-Z0-9_]+]] = %[[Y_INIT]])
// CHECK:           tensor.extract_slice %[[X]][%[[IV]], 0, 0] [1, 3, 4]
// CHECK:           linalg.generic {{.+}} ins(%{{.+}}, %[[W_IH_FWD]] :
// CHECK:           linalg.generic {{.+}} ins(%[[H_F]], %{{.+}} :
// CHECK:           %[[Y_F:.+]] = tensor.insert_slice %{{.+}} into %[[Y]][%[[IV]], 0, 0] [1, 3, 6] [1, 1, 1] : tensor<3x6xf32> into tensor<5x3x12xf32>
// CHECK:           %[[T:.+]] = arith.subi %[[C4]], %[[IV]] : index
// CHECK:           tensor.extract_slice %[[X]][%[[T]], 0, 0] [1, 3, 4]
// CHECK:           linalg.generic {{.+}} ins(%{{.+}}, %[[W_IH_BWD]] :
// CHECK:           linalg.generic {{.+}} ins(%[[H_B]], %{{.+}} :
// CHECK:           %[[Y_B:.+]] = tensor.insert_slice %{{.+}} into %[[Y_F]][%[[T]], 0, 6] [1, 3, 6] [1, 1, 1] : tensor<3x6xf32> into tensor<5x3x12xf32>
// CHECK:           scf.yield %{{.+}}, %{{.+}}, %[[Y_B]]
// CHECK-NOT:     scf.for
// CHECK:         %[[H_N_FWD:.+]] = tensor.insert_slice %[[LOOP]]#0 into %[[H_N_INIT]][0, 0, 0] [1, 3, 6]
// CHECK:         %[[H_N:.+]] = tensor.insert_slice %[[LOOP]]#1 into %[[H_N_FWD]][1, 0, 0] [1, 3, 6]
// CHECK:         return %[[LOOP]]#2, %[[H_N]]
func.func @rnn_bidirectional(%x: tensor<5x3x4xf32>, %w_ih: tensor<2x6x4xf32>,
    %w_hh: tensor<2x6x6xf32>) -> (tensor<5x3x12xf32>, tensor<2x3x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh hidden_size(6) direction bidirectional
      : (tensor<5x3x4xf32>, tensor<2x6x4xf32>, tensor<2x6x6xf32>)
      -> (tensor<5x3x12xf32>, tensor<2x3x6xf32>)
  return %y, %h_n : tensor<5x3x12xf32>, tensor<2x3x6xf32>
}

// -----

/// batch_first transposes x to [T, B, I] before the loop and y back to
/// [B, T, H] after it; h_n keeps the [D, B, H] layout.
// CHECK-LABEL: func.func @rnn_batch_first(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<3x5x4xf32>,
// CHECK:         %[[X_TBI:.+]] = linalg.transpose ins(%[[X]] : tensor<3x5x4xf32>) outs(%{{.+}} : tensor<5x3x4xf32>) permutation = [1, 0, 2]
// CHECK:         %[[LOOP:.+]]:2 = scf.for %[[IV:[a-zA-Z0-9_]+]] =
// CHECK:           tensor.extract_slice %[[X_TBI]][%[[IV]], 0, 0] [1, 3, 4]
// CHECK:         %[[H_N:.+]] = tensor.insert_slice %[[LOOP]]#0 into %{{.+}} : tensor<3x6xf32> into tensor<1x3x6xf32>
// CHECK:         %[[Y:.+]] = linalg.transpose ins(%[[LOOP]]#1 : tensor<5x3x6xf32>) outs(%{{.+}} : tensor<3x5x6xf32>) permutation = [1, 0, 2]
// CHECK:         return %[[Y]], %[[H_N]] : tensor<3x5x6xf32>, tensor<1x3x6xf32>
func.func @rnn_batch_first(%x: tensor<3x5x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>) -> (tensor<3x5x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh hidden_size(6) batch_first
      : (tensor<3x5x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<3x5x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<3x5x6xf32>, tensor<1x3x6xf32>
}

// -----

/// With seq_lens, a generic after the cell step compares seq_lens[b] with t:
/// a valid step (seq_lens[b] > t) advances the state and emits h'; past the
/// end the state is kept and y gets zeros. The loop stops after the longest
/// sequence (a max reduction of seq_lens, clamped to T); y starts as zeros
/// for the steps it does not run.
// CHECK-DAG: #[[$LEN_MAP:.+]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[$ID2:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @rnn_seq_lens(
// CHECK-SAME:      %[[SEQ_LENS:[a-zA-Z0-9_]+]]: tensor<3xi32>)
// CHECK:         %[[Y_ZERO:.+]] = linalg.fill ins(%{{.+}} : f32) outs(%{{.+}} : tensor<5x3x6xf32>)
// CHECK:         %[[MAX:.+]] = linalg.generic {{.+}} iterator_types = ["reduction"]} ins(%[[SEQ_LENS]] : tensor<3xi32>) outs(%{{.+}} : tensor<i32>)
// CHECK:           arith.maxsi
// CHECK:         %[[LONGEST:.+]] = tensor.extract %[[MAX]][] : tensor<i32>
// CHECK:         %[[STEPS:.+]] = arith.index_cast %[[LONGEST]] : i32 to index
// CHECK:         %[[UB:.+]] = arith.minsi %[[STEPS]], %{{.+}} : index
// CHECK:         %[[LOOP:.+]]:2 = scf.for %[[IV:[a-zA-Z0-9_]+]] = %{{.+}} to %[[UB]] step %{{.+}} iter_args(%[[H:[a-zA-Z0-9_]+]] = %{{.+}}, %[[Y:[a-zA-Z0-9_]+]] = %[[Y_ZERO]])
// CHECK:           %[[H_CELL:.+]] = linalg.generic {indexing_maps = [#[[$ID2]], #[[$ID2]], #[[$ID2]]]
// CHECK:             math.tanh
// CHECK:           %[[T:.+]] = arith.index_cast %[[IV]] : index to i32
// CHECK:           %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK:           %[[MASKED:.+]]:2 = linalg.generic {indexing_maps = [#[[$LEN_MAP]], #[[$ID2]], #[[$ID2]], #[[$ID2]], #[[$ID2]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME:          ins(%[[SEQ_LENS]], %[[H_CELL]], %[[H]] : tensor<3xi32>, tensor<3x6xf32>, tensor<3x6xf32>)
// CHECK-SAME:          outs(%{{.+}}, %{{.+}} : tensor<3x6xf32>, tensor<3x6xf32>)
// CHECK-NEXT:      ^bb0(%[[LEN:[a-zA-Z0-9_]+]]: i32, %[[NEW:[a-zA-Z0-9_]+]]: f32, %[[OLD:[a-zA-Z0-9_]+]]: f32,
// CHECK-NEXT:        %[[VALID:.+]] = arith.cmpi sgt, %[[LEN]], %[[T]] : i32
// CHECK-NEXT:        %[[STATE:.+]] = arith.select %[[VALID]], %[[NEW]], %[[OLD]] : f32
// CHECK-NEXT:        %[[OUT:.+]] = arith.select %[[VALID]], %[[NEW]], %[[ZERO]] : f32
// CHECK-NEXT:        linalg.yield %[[STATE]], %[[OUT]] : f32, f32
// CHECK:           %[[Y_NEXT:.+]] = tensor.insert_slice %[[MASKED]]#1 into %[[Y]][%[[IV]], 0, 0] [1, 3, 6]
// CHECK:           scf.yield %[[MASKED]]#0, %[[Y_NEXT]]
// CHECK:         tensor.insert_slice %[[LOOP]]#0 into
func.func @rnn_seq_lens(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>, %seq_lens: tensor<3xi32>)
    -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh seq_lens(%seq_lens) hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>, tensor<3xi32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// -----

//===----------------------------------------------------------------------===//
// s2s.lstm
//===----------------------------------------------------------------------===//

/// The loop carries h, c and y. The two [B, 4H] contractions are viewed as
/// [B, 4, H] and one generic reads gate g of each through (d0, g, d1),
/// yielding h' and c'.
// CHECK-DAG: #[[$GATE_I:.+]] = affine_map<(d0, d1) -> (d0, 0, d1)>
// CHECK-DAG: #[[$GATE_F:.+]] = affine_map<(d0, d1) -> (d0, 1, d1)>
// CHECK-DAG: #[[$GATE_G:.+]] = affine_map<(d0, d1) -> (d0, 2, d1)>
// CHECK-DAG: #[[$GATE_O:.+]] = affine_map<(d0, d1) -> (d0, 3, d1)>
// CHECK-DAG: #[[$ID2:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @lstm_forward(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x24x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x24x6xf32>,
// CHECK-SAME:      %[[H0:[a-zA-Z0-9_]+]]: tensor<1x3x6xf32>,
// CHECK-SAME:      %[[C0:[a-zA-Z0-9_]+]]: tensor<1x3x6xf32>)
// CHECK-DAG:     %[[H_N_INIT:.+]] = tensor.empty() : tensor<1x3x6xf32>
// CHECK-DAG:     %[[H0_D0:.+]] = tensor.extract_slice %[[H0]][0, 0, 0] [1, 3, 6]
// CHECK-DAG:     %[[C0_D0:.+]] = tensor.extract_slice %[[C0]][0, 0, 0] [1, 3, 6]
// CHECK:         %[[LOOP:.+]]:3 = scf.for %[[IV:[a-zA-Z0-9_]+]] = {{.+}} iter_args(%[[H:[a-zA-Z0-9_]+]] = %[[H0_D0]], %[[C:[a-zA-Z0-9_]+]] = %[[C0_D0]], %[[Y:[a-zA-Z0-9_]+]] = %{{.+}}) -> (tensor<3x6xf32>, tensor<3x6xf32>, tensor<5x3x6xf32>)
// CHECK:           %[[X_T:.+]] = tensor.extract_slice %[[X]][%[[IV]], 0, 0] [1, 3, 4]
// CHECK:           %[[XW:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:          ins(%[[X_T]], %{{.+}} : tensor<3x4xf32>, tensor<24x4xf32>)
// CHECK:           %[[XW3:.+]] = tensor.expand_shape %[[XW]] {{\[}}[0], [1, 2]] output_shape [3, 4, 6] : tensor<3x24xf32> into tensor<3x4x6xf32>
// CHECK:           %[[HW:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:          ins(%[[H]], %{{.+}} : tensor<3x6xf32>, tensor<24x6xf32>)
// CHECK:           %[[HW3:.+]] = tensor.expand_shape %[[HW]] {{\[}}[0], [1, 2]] output_shape [3, 4, 6]
// CHECK:           %[[GATES:.+]]:2 = linalg.generic
// CHECK-SAME:          indexing_maps = [#[[$GATE_I]], #[[$GATE_F]], #[[$GATE_G]], #[[$GATE_O]], #[[$GATE_I]], #[[$GATE_F]], #[[$GATE_G]], #[[$GATE_O]], #[[$ID2]], #[[$ID2]], #[[$ID2]]]
// CHECK-SAME:          iterator_types = ["parallel", "parallel"]
// CHECK-SAME:          ins(%[[XW3]], %[[XW3]], %[[XW3]], %[[XW3]], %[[HW3]], %[[HW3]], %[[HW3]], %[[HW3]], %[[C]] :
// CHECK-SAME:          outs(%{{.+}}, %{{.+}} : tensor<3x6xf32>, tensor<3x6xf32>)
// CHECK-NEXT:      ^bb0(%[[XI:[a-zA-Z0-9_]+]]: f32, %[[XF:[a-zA-Z0-9_]+]]: f32, %[[XG:[a-zA-Z0-9_]+]]: f32, %[[XO:[a-zA-Z0-9_]+]]: f32, %[[HI:[a-zA-Z0-9_]+]]: f32, %[[HF:[a-zA-Z0-9_]+]]: f32, %[[HG:[a-zA-Z0-9_]+]]: f32, %[[HO:[a-zA-Z0-9_]+]]: f32, %[[C_OLD:[a-zA-Z0-9_]+]]: f32,
// CHECK-NEXT:        %[[I_PRE:.+]] = arith.addf %[[XI]], %[[HI]] : f32
// CHECK-NEXT:        %[[ONE:.+]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT:        %[[NEG:.+]] = arith.negf %[[I_PRE]] : f32
// CHECK-NEXT:        %[[EXP:.+]] = math.exp %[[NEG]] : f32
// CHECK-NEXT:        %[[DENOM:.+]] = arith.addf %[[ONE]], %[[EXP]] : f32
// CHECK-NEXT:        %[[I:.+]] = arith.divf %[[ONE]], %[[DENOM]] : f32
// CHECK:             %[[F_PRE:.+]] = arith.addf %[[XF]], %[[HF]] : f32
// CHECK:             %[[F:.+]] = arith.divf
// CHECK:             %[[G_PRE:.+]] = arith.addf %[[XG]], %[[HG]] : f32
// CHECK-NEXT:        %[[G:.+]] = math.tanh %[[G_PRE]] : f32
// CHECK:             %[[O_PRE:.+]] = arith.addf %[[XO]], %[[HO]] : f32
// CHECK:             %[[O:.+]] = arith.divf
// CHECK:             %[[FC:.+]] = arith.mulf %[[F]], %[[C_OLD]] : f32
// CHECK:             %[[IG:.+]] = arith.mulf %[[I]], %[[G]] : f32
// CHECK:             %[[C_NEXT:.+]] = arith.addf %[[FC]], %[[IG]] : f32
// CHECK:             %[[TANH_C:.+]] = math.tanh %[[C_NEXT]] : f32
// CHECK:             %[[H_NEXT:.+]] = arith.mulf %[[O]], %[[TANH_C]] : f32
// CHECK:             linalg.yield %[[H_NEXT]], %[[C_NEXT]] : f32, f32
// CHECK:           %[[Y_NEXT:.+]] = tensor.insert_slice %[[GATES]]#0 into %[[Y]][%[[IV]], 0, 0] [1, 3, 6]
// CHECK:           scf.yield %[[GATES]]#0, %[[GATES]]#1, %[[Y_NEXT]] : tensor<3x6xf32>, tensor<3x6xf32>, tensor<5x3x6xf32>
// CHECK:         %[[H_N:.+]] = tensor.insert_slice %[[LOOP]]#0 into %[[H_N_INIT]][0, 0, 0] [1, 3, 6]
// CHECK:         %[[C_N:.+]] = tensor.insert_slice %[[LOOP]]#1 into %{{.+}}[0, 0, 0] [1, 3, 6]
// CHECK:         return %[[LOOP]]#2, %[[H_N]], %[[C_N]]
func.func @lstm_forward(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x24x4xf32>,
    %w_hh: tensor<1x24x6xf32>, %h0: tensor<1x3x6xf32>, %c0: tensor<1x3x6xf32>)
    -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh h0(%h0) c0(%c0) hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>,
         tensor<1x3x6xf32>, tensor<1x3x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n, %c_n
      : tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>
}

// -----

/// LSTM with seq_lens in reverse: the loop runs the longest sequence's steps
/// from its last one down; the validity test uses the reversed time index,
/// which makes a shorter sequence start at its own last step, and both h and
/// c are frozen past the end.
// CHECK-LABEL: func.func @lstm_reverse_seq_lens(
// CHECK-SAME:      %[[SEQ_LENS:[a-zA-Z0-9_]+]]: tensor<3xi64>)
// CHECK:         %[[UB:.+]] = arith.minsi %{{.+}}, %{{.+}} : index
// CHECK:         %[[LAST:.+]] = arith.subi %[[UB]], %{{.+}} : index
// CHECK:         scf.for %[[IV:[a-zA-Z0-9_]+]] = %{{.+}} to %[[UB]] step %{{.+}} iter_args(%[[H:[a-zA-Z0-9_]+]] = %{{.+}}, %[[C:[a-zA-Z0-9_]+]] = %{{.+}}, %[[Y:[a-zA-Z0-9_]+]] = %{{.+}})
// CHECK:           %[[T:.+]] = arith.subi %[[LAST]], %[[IV]] : index
// CHECK:           %[[CELL:.+]]:2 = linalg.generic
// CHECK:           %[[T_LEN:.+]] = arith.index_cast %[[T]] : index to i64
// CHECK:           %[[MASKED:.+]]:3 = linalg.generic
// CHECK-SAME:          ins(%[[SEQ_LENS]], %[[CELL]]#0, %[[H]], %[[CELL]]#1, %[[C]] : tensor<3xi64>, tensor<3x6xf32>, tensor<3x6xf32>, tensor<3x6xf32>, tensor<3x6xf32>)
// CHECK-NEXT:      ^bb0(%[[LEN:[a-zA-Z0-9_]+]]: i64, %[[NEW_H:[a-zA-Z0-9_]+]]: f32, %[[OLD_H:[a-zA-Z0-9_]+]]: f32, %[[NEW_C:[a-zA-Z0-9_]+]]: f32, %[[OLD_C:[a-zA-Z0-9_]+]]: f32,
// CHECK-NEXT:        %[[VALID:.+]] = arith.cmpi sgt, %[[LEN]], %[[T_LEN]] : i64
// CHECK-NEXT:        %[[STATE_H:.+]] = arith.select %[[VALID]], %[[NEW_H]], %[[OLD_H]] : f32
// CHECK-NEXT:        %[[OUT:.+]] = arith.select %[[VALID]], %[[NEW_H]], %{{.+}} : f32
// CHECK-NEXT:        %[[STATE_C:.+]] = arith.select %[[VALID]], %[[NEW_C]], %[[OLD_C]] : f32
// CHECK-NEXT:        linalg.yield %[[STATE_H]], %[[OUT]], %[[STATE_C]] : f32, f32, f32
// CHECK:           %[[Y_NEXT:.+]] = tensor.insert_slice %[[MASKED]]#1 into %[[Y]][%[[T]], 0, 0] [1, 3, 6]
// CHECK:           scf.yield %[[MASKED]]#0, %[[MASKED]]#2, %[[Y_NEXT]]
func.func @lstm_reverse_seq_lens(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x24x4xf32>, %w_hh: tensor<1x24x6xf32>,
    %seq_lens: tensor<3xi64>)
    -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh seq_lens(%seq_lens)
      hidden_size(6) direction reverse
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>,
         tensor<3xi64>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n, %c_n
      : tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>
}

// -----

/// T = 1000 still gives one loop from 0 to 1000 (see the COUNT run line),
/// not an unrolled sequence of steps.
// CHECK-LABEL: func.func @lstm_long_sequence(
// CHECK-DAG:     %[[C1000:.+]] = arith.constant 1000 : index
// CHECK:         scf.for %{{.+}} = %{{.+}} to %[[C1000]] step
// CHECK-NOT:     scf.for
// CHECK:         return
func.func @lstm_long_sequence(%x: tensor<1000x2x8xf32>,
    %w_ih: tensor<1x64x8xf32>, %w_hh: tensor<1x64x16xf32>)
    -> (tensor<1000x2x16xf32>, tensor<1x2x16xf32>, tensor<1x2x16xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh hidden_size(16)
      : (tensor<1000x2x8xf32>, tensor<1x64x8xf32>, tensor<1x64x16xf32>)
      -> (tensor<1000x2x16xf32>, tensor<1x2x16xf32>, tensor<1x2x16xf32>)
  return %y, %h_n, %c_n
      : tensor<1000x2x16xf32>, tensor<1x2x16xf32>, tensor<1x2x16xf32>
}

// -----

//===----------------------------------------------------------------------===//
// s2s.gru
//===----------------------------------------------------------------------===//

/// linear_before_reset (PyTorch): one h W_hh^T contraction over all three
/// gates, and r multiplies its n part inside the elementwise generic.
// CHECK-DAG: #[[$GATE_R:.+]] = affine_map<(d0, d1) -> (d0, 0, d1)>
// CHECK-DAG: #[[$GATE_Z:.+]] = affine_map<(d0, d1) -> (d0, 1, d1)>
// CHECK-DAG: #[[$GATE_N:.+]] = affine_map<(d0, d1) -> (d0, 2, d1)>
// CHECK-DAG: #[[$ID2:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @gru_linear_before_reset(
// CHECK:         scf.for {{.+}} iter_args(%[[H:[a-zA-Z0-9_]+]] = %{{.+}}, %{{.+}} = %{{.+}})
// CHECK:           %[[XW:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:          outs(%{{.+}} : tensor<3x18xf32>)
// CHECK:           %[[XW3:.+]] = tensor.expand_shape %[[XW]] {{.+}} into tensor<3x3x6xf32>
// CHECK:           %[[HW:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:          ins(%[[H]], %{{.+}} : tensor<3x6xf32>, tensor<18x6xf32>)
// CHECK:           %[[HW3:.+]] = tensor.expand_shape %[[HW]] {{.+}} into tensor<3x3x6xf32>
// CHECK-NOT:       iterator_types = ["parallel", "parallel", "reduction"]
// CHECK:           %[[H_NEXT:.+]] = linalg.generic
// CHECK-SAME:          indexing_maps = [#[[$GATE_R]], #[[$GATE_Z]], #[[$GATE_N]], #[[$GATE_R]], #[[$GATE_Z]], #[[$GATE_N]], #[[$ID2]], #[[$ID2]]]
// CHECK-SAME:          ins(%[[XW3]], %[[XW3]], %[[XW3]], %[[HW3]], %[[HW3]], %[[HW3]], %[[H]] :
// CHECK-NEXT:      ^bb0(%[[XR:[a-zA-Z0-9_]+]]: f32, %[[XZ:[a-zA-Z0-9_]+]]: f32, %[[XN:[a-zA-Z0-9_]+]]: f32, %[[HR:[a-zA-Z0-9_]+]]: f32, %[[HZ:[a-zA-Z0-9_]+]]: f32, %[[HN:[a-zA-Z0-9_]+]]: f32, %[[H_OLD:[a-zA-Z0-9_]+]]: f32,
// CHECK:             %[[R_PRE:.+]] = arith.addf %[[XR]], %[[HR]] : f32
// CHECK:             %[[R:.+]] = arith.divf
// CHECK:             %[[Z_PRE:.+]] = arith.addf %[[XZ]], %[[HZ]] : f32
// CHECK:             %[[Z:.+]] = arith.divf
// CHECK:             %[[R_HN:.+]] = arith.mulf %[[R]], %[[HN]] : f32
// CHECK:             %[[N_PRE:.+]] = arith.addf %[[XN]], %[[R_HN]] : f32
// CHECK:             %[[N:.+]] = math.tanh %[[N_PRE]] : f32
// CHECK:             %[[KEEP:.+]] = arith.subf %{{.+}}, %[[Z]] : f32
// CHECK:             %[[FRESH:.+]] = arith.mulf %[[KEEP]], %[[N]] : f32
// CHECK:             %[[OLD:.+]] = arith.mulf %[[Z]], %[[H_OLD]] : f32
// CHECK:             %[[NEXT:.+]] = arith.addf %[[FRESH]], %[[OLD]] : f32
// CHECK:             linalg.yield %[[NEXT]] : f32
// CHECK:           scf.yield %[[H_NEXT]],
func.func @gru_linear_before_reset(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x18x4xf32>, %w_hh: tensor<1x18x6xf32>)
    -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// -----

/// linear_before_reset(false) (the original GRU): h W_hh^T only for the r and
/// z rows [0, 2H); then r * h, and a third contraction of r * h with the n
/// rows [2H, 3H) of W_hh (and of b_hh).
// CHECK-LABEL: func.func @gru_reset_before_linear(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x18x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x18x6xf32>,
// CHECK-SAME:      %[[B_IH:[a-zA-Z0-9_]+]]: tensor<1x18xf32>,
// CHECK-SAME:      %[[B_HH:[a-zA-Z0-9_]+]]: tensor<1x18xf32>)
// CHECK:         %[[W_HH0:.+]] = tensor.extract_slice %[[W_HH]][0, 0, 0] [1, 18, 6]
// CHECK:         %[[B_HH0:.+]] = tensor.extract_slice %[[B_HH]][0, 0] [1, 18]
// CHECK:         scf.for {{.+}} iter_args(%[[H:[a-zA-Z0-9_]+]] = %{{.+}}, %{{.+}} = %{{.+}})
// CHECK:           linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:          outs(%{{.+}} : tensor<3x18xf32>)
// CHECK:           %[[XW3:.+]] = tensor.expand_shape %{{.+}} into tensor<3x3x6xf32>
// CHECK-DAG:       %[[B_HH_RZ:.+]] = tensor.extract_slice %[[B_HH0]][0] [12] [1] : tensor<18xf32> to tensor<12xf32>
// CHECK-DAG:       %[[W_HH_RZ:.+]] = tensor.extract_slice %[[W_HH0]][0, 0] [12, 6] [1, 1] : tensor<18x6xf32> to tensor<12x6xf32>
// CHECK:           %[[HW_RZ:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:          ins(%[[H]], %[[W_HH_RZ]] : tensor<3x6xf32>, tensor<12x6xf32>)
// CHECK:           %[[HWB_RZ:.+]] = linalg.generic {{.+}} ins(%[[HW_RZ]], %[[B_HH_RZ]] :
// CHECK:           %[[HW_RZ3:.+]] = tensor.expand_shape %[[HWB_RZ]] {{.+}} into tensor<3x2x6xf32>
// CHECK:           %[[RH:.+]] = linalg.generic {{.+}} ins(%[[XW3]], %[[HW_RZ3]], %[[H]] :
// CHECK:             math.exp
// CHECK:             %[[R_TIMES_H:.+]] = arith.mulf
// CHECK-NEXT:        linalg.yield %[[R_TIMES_H]]
// CHECK-DAG:       %[[B_HH_N:.+]] = tensor.extract_slice %[[B_HH0]][12] [6] [1] : tensor<18xf32> to tensor<6xf32>
// CHECK-DAG:       %[[W_HH_N:.+]] = tensor.extract_slice %[[W_HH0]][12, 0] [6, 6] [1, 1] : tensor<18x6xf32> to tensor<6x6xf32>
// CHECK:           %[[RHW:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:          ins(%[[RH]], %[[W_HH_N]] : tensor<3x6xf32>, tensor<6x6xf32>)
// CHECK:           %[[RHWB:.+]] = linalg.generic {{.+}} ins(%[[RHW]], %[[B_HH_N]] :
// CHECK:           %[[H_NEXT:.+]] = linalg.generic {{.+}} ins(%[[XW3]], %[[XW3]], %[[HW_RZ3]], %[[RHWB]], %[[H]] :
// CHECK:             math.exp
// CHECK:             math.tanh
// CHECK:           scf.yield %[[H_NEXT]],
func.func @gru_reset_before_linear(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x18x4xf32>, %w_hh: tensor<1x18x6xf32>,
    %b_ih: tensor<1x18xf32>, %b_hh: tensor<1x18xf32>)
    -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) hidden_size(6)
      linear_before_reset(false)
      : (tensor<5x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>,
         tensor<1x18xf32>, tensor<1x18xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Cells
//===----------------------------------------------------------------------===//

/// A cell is one step, without a loop, on the unstacked weights.
// CHECK-LABEL: func.func @rnn_cell(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<3x5xf32>,
// CHECK-SAME:      %[[H:[a-zA-Z0-9_]+]]: tensor<3x7xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<7x5xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<7x7xf32>,
// CHECK-SAME:      %[[B_IH:[a-zA-Z0-9_]+]]: tensor<7xf32>,
// CHECK-SAME:      %[[B_HH:[a-zA-Z0-9_]+]]: tensor<7xf32>)
// CHECK-NOT:     scf.for
// CHECK:         %[[XW:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:        ins(%[[X]], %[[W_IH]] :
// CHECK:         %[[XWB:.+]] = linalg.generic {{.+}} ins(%[[XW]], %[[B_IH]] :
// CHECK:         %[[HW:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:        ins(%[[H]], %[[W_HH]] :
// CHECK:         %[[HWB:.+]] = linalg.generic {{.+}} ins(%[[HW]], %[[B_HH]] :
// CHECK:         %[[H_NEXT:.+]] = linalg.generic {{.+}} ins(%[[XWB]], %[[HWB]] :
// CHECK:           math.tanh
// CHECK:         return %[[H_NEXT]] : tensor<3x7xf32>
func.func @rnn_cell(%x: tensor<3x5xf32>, %h: tensor<3x7xf32>,
    %w_ih: tensor<7x5xf32>, %w_hh: tensor<7x7xf32>, %b_ih: tensor<7xf32>,
    %b_hh: tensor<7xf32>) -> tensor<3x7xf32> {
  %h_next = s2s.rnn_cell %x, %h, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      : (tensor<3x5xf32>, tensor<3x7xf32>, tensor<7x5xf32>, tensor<7x7xf32>,
         tensor<7xf32>, tensor<7xf32>) -> tensor<3x7xf32>
  return %h_next : tensor<3x7xf32>
}

// -----

// CHECK-LABEL: func.func @lstm_cell(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<3x5xf32>,
// CHECK-SAME:      %[[H:[a-zA-Z0-9_]+]]: tensor<3x7xf32>,
// CHECK-SAME:      %[[C:[a-zA-Z0-9_]+]]: tensor<3x7xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<28x5xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<28x7xf32>)
// CHECK-NOT:     scf.for
// CHECK:         linalg.generic {{.+}} ins(%[[X]], %[[W_IH]] :
// CHECK:         %[[XW3:.+]] = tensor.expand_shape {{.+}} into tensor<3x4x7xf32>
// CHECK:         linalg.generic {{.+}} ins(%[[H]], %[[W_HH]] :
// CHECK:         %[[HW3:.+]] = tensor.expand_shape {{.+}} into tensor<3x4x7xf32>
// CHECK:         %[[NEXT:.+]]:2 = linalg.generic {{.+}} ins(%[[XW3]], %[[XW3]], %[[XW3]], %[[XW3]], %[[HW3]], %[[HW3]], %[[HW3]], %[[HW3]], %[[C]] :
// CHECK:         return %[[NEXT]]#0, %[[NEXT]]#1 : tensor<3x7xf32>, tensor<3x7xf32>
func.func @lstm_cell(%x: tensor<3x5xf32>, %h: tensor<3x7xf32>,
    %c: tensor<3x7xf32>, %w_ih: tensor<28x5xf32>, %w_hh: tensor<28x7xf32>)
    -> (tensor<3x7xf32>, tensor<3x7xf32>) {
  %h_next, %c_next = s2s.lstm_cell %x, %h, %c, %w_ih, %w_hh
      : (tensor<3x5xf32>, tensor<3x7xf32>, tensor<3x7xf32>, tensor<28x5xf32>,
         tensor<28x7xf32>) -> (tensor<3x7xf32>, tensor<3x7xf32>)
  return %h_next, %c_next : tensor<3x7xf32>, tensor<3x7xf32>
}

// -----

// CHECK-LABEL: func.func @gru_cell(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<3x5xf32>,
// CHECK-SAME:      %[[H:[a-zA-Z0-9_]+]]: tensor<3x7xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<21x5xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<21x7xf32>)
// CHECK-NOT:     scf.for
// CHECK:         linalg.generic {{.+}} ins(%[[X]], %[[W_IH]] :
// CHECK:         %[[XW3:.+]] = tensor.expand_shape {{.+}} into tensor<3x3x7xf32>
// CHECK:         linalg.generic {{.+}} ins(%[[H]], %[[W_HH]] :
// CHECK:         %[[HW3:.+]] = tensor.expand_shape {{.+}} into tensor<3x3x7xf32>
// CHECK:         %[[H_NEXT:.+]] = linalg.generic {{.+}} ins(%[[XW3]], %[[XW3]], %[[XW3]], %[[HW3]], %[[HW3]], %[[HW3]], %[[H]] :
// CHECK:           math.tanh
// CHECK:         return %[[H_NEXT]] : tensor<3x7xf32>
func.func @gru_cell(%x: tensor<3x5xf32>, %h: tensor<3x7xf32>,
    %w_ih: tensor<21x5xf32>, %w_hh: tensor<21x7xf32>) -> tensor<3x7xf32> {
  %h_next = s2s.gru_cell %x, %h, %w_ih, %w_hh
      : (tensor<3x5xf32>, tensor<3x7xf32>, tensor<21x5xf32>, tensor<21x7xf32>)
      -> tensor<3x7xf32>
  return %h_next : tensor<3x7xf32>
}

// -----

//===----------------------------------------------------------------------===//
// s2s.attention
//===----------------------------------------------------------------------===//

/// dot: scores[b, i, j] = sum_d q[b, i, d] k[b, j, d], then the softmax over
/// j: row max, exp(s - shift) with shift the row max, or 0 for a row whose
/// max is -inf (so that masked elements, -inf, give exactly 0: the
/// polynomial exp maps everything below -88 to 0), row sum, and e / sum (0
/// for a row whose sum is 0, i.e. every key masked); ctx = weights @ values.
// CHECK-DAG: #[[$Q_MAP:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-DAG: #[[$K_MAP:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>
// CHECK-DAG: #[[$V_MAP:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d3, d2)>
// CHECK-DAG: #[[$OUT_MAP:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-DAG: #[[$ID3:.+]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[$ROW:.+]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @attention_dot(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x3x8xf32>,
// CHECK-SAME:      %[[KEYS:[a-zA-Z0-9_]+]]: tensor<2x5x8xf32>,
// CHECK-SAME:      %[[VALUES:[a-zA-Z0-9_]+]]: tensor<2x5x6xf32>)
// CHECK:         %[[SCORES:.+]] = linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$Q_MAP]], #[[$K_MAP]], #[[$OUT_MAP]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]
// CHECK-SAME:        ins(%[[QUERY]], %[[KEYS]] : tensor<2x3x8xf32>, tensor<2x5x8xf32>)
// CHECK:         %[[NEG_INF:.+]] = arith.constant 0xFF800000 : f32
// CHECK:         %[[MAX_INIT:.+]] = linalg.fill ins(%[[NEG_INF]] : f32) outs(%{{.+}} : tensor<2x3xf32>)
// CHECK:         %[[MAX:.+]] = linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$ID3]], #[[$ROW]]], iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:        ins(%[[SCORES]] : tensor<2x3x5xf32>) outs(%[[MAX_INIT]] : tensor<2x3xf32>)
// CHECK:           arith.maximumf
// CHECK:         %[[SHIFT:.+]] = linalg.generic
// CHECK-SAME:        ins(%[[MAX]] : tensor<2x3xf32>)
// CHECK-NEXT:      ^bb0(%[[MAX_IN:[a-zA-Z0-9_]+]]: f32,
// CHECK-NEXT:        %[[NONE:.+]] = arith.cmpf oeq, %[[MAX_IN]], %{{.+}} : f32
// CHECK-NEXT:        %[[SAFE:.+]] = arith.select %[[NONE]], %{{.+}}, %[[MAX_IN]] : f32
// CHECK-NEXT:        linalg.yield %[[SAFE]] : f32
// CHECK:         %[[EXPS:.+]] = linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$ID3]], #[[$ROW]], #[[$ID3]]]
// CHECK-SAME:        ins(%[[SCORES]], %[[SHIFT]] : tensor<2x3x5xf32>, tensor<2x3xf32>)
// CHECK-NEXT:      ^bb0(%[[S:[a-zA-Z0-9_]+]]: f32, %[[M:[a-zA-Z0-9_]+]]: f32,
// CHECK-NEXT:        %[[SHIFTED:.+]] = arith.subf %[[S]], %[[M]] : f32
/// exp(x), x <= 0: x clamped to -88 (NaN kept), k = round(x log2 e) by the
/// magic number 1.5 * 2^23 + 127, r = x - k ln 2 in two parts, Cephes'
/// polynomial, times 2^k from the magic sum's low bits.
// CHECK-NEXT:        %[[LOWEST:.+]] = arith.constant -8.800000e+01 : f32
// CHECK-NEXT:        %[[BELOW:.+]] = arith.cmpf olt, %[[SHIFTED]], %[[LOWEST]] : f32
// CHECK-NEXT:        %[[X:.+]] = arith.select %[[BELOW]], %[[LOWEST]], %[[SHIFTED]] : f32
// CHECK-NEXT:        %[[MAGIC:.+]] = arith.constant 0x4B40007F : f32
// CHECK-NEXT:        %[[LOG2E:.+]] = arith.constant 1.44269502 : f32
// CHECK-NEXT:        %[[T:.+]] = math.fma %[[X]], %[[LOG2E]], %[[MAGIC]] : f32
// CHECK-NEXT:        %[[K:.+]] = arith.subf %[[T]], %[[MAGIC]] : f32
// CHECK-NEXT:        %[[LN2_HI:.+]] = arith.constant -0.693359375 : f32
// CHECK-NEXT:        %[[R0:.+]] = math.fma %[[K]], %[[LN2_HI]], %[[X]] : f32
// CHECK-NEXT:        %[[LN2_LO:.+]] = arith.constant 2.12194442E-4 : f32
// CHECK-NEXT:        %[[R:.+]] = math.fma %[[K]], %[[LN2_LO]], %[[R0]] : f32
// CHECK-COUNT-5:     math.fma %{{.+}}, %[[R]], %{{.+}} : f32
// CHECK:             %[[R2:.+]] = arith.mulf %[[R]], %[[R]] : f32
// CHECK-NEXT:        %[[POLY:.+]] = math.fma %{{.+}}, %[[R2]], %[[R]] : f32
// CHECK-NEXT:        %[[ONE:.+]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT:        %[[EXP_R:.+]] = arith.addf %[[POLY]], %[[ONE]] : f32
// CHECK-NEXT:        %[[BITS:.+]] = arith.bitcast %[[T]] : f32 to i32
// CHECK-NEXT:        %[[C23:.+]] = arith.constant 23 : i32
// CHECK-NEXT:        %[[EXPONENT:.+]] = arith.shli %[[BITS]], %[[C23]] : i32
// CHECK-NEXT:        %[[SCALE:.+]] = arith.bitcast %[[EXPONENT]] : i32 to f32
// CHECK-NEXT:        %[[E:.+]] = arith.mulf %[[EXP_R]], %[[SCALE]] : f32
// CHECK-NEXT:        linalg.yield %[[E]] : f32
// CHECK:         %[[SUM:.+]] = linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$ID3]], #[[$ROW]]], iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:        ins(%[[EXPS]] : tensor<2x3x5xf32>)
// CHECK:           arith.addf
// CHECK:         %[[WEIGHTS:.+]] = linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$ID3]], #[[$ROW]], #[[$ID3]]]
// CHECK-SAME:        ins(%[[EXPS]], %[[SUM]] : tensor<2x3x5xf32>, tensor<2x3xf32>)
// CHECK-NEXT:      ^bb0(%[[EV:[a-zA-Z0-9_]+]]: f32, %[[ROW_SUM:[a-zA-Z0-9_]+]]: f32,
// CHECK-NEXT:        %[[EMPTY_ROW:.+]] = arith.cmpf oeq, %[[ROW_SUM]], %[[FZERO:.+]] : f32
// CHECK-NEXT:        %[[DIV:.+]] = arith.divf %[[EV]], %[[ROW_SUM]] : f32
// CHECK-NEXT:        %[[W:.+]] = arith.select %[[EMPTY_ROW]], %[[FZERO]], %[[DIV]] : f32
// CHECK-NEXT:        linalg.yield %[[W]] : f32
// CHECK:         %[[CTX:.+]] = linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$Q_MAP]], #[[$V_MAP]], #[[$OUT_MAP]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]
// CHECK-SAME:        ins(%[[WEIGHTS]], %[[VALUES]] : tensor<2x3x5xf32>, tensor<2x5x6xf32>)
// CHECK:         return %[[CTX]], %[[WEIGHTS]] : tensor<2x3x6xf32>, tensor<2x3x5xf32>
func.func @attention_dot(%query: tensor<2x3x8xf32>, %keys: tensor<2x5x8xf32>,
    %values: tensor<2x5x6xf32>) -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>) {
  %ctx, %weights = s2s.attention dot %query, %keys, %values
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x6xf32>)
      -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>)
  return %ctx, %weights : tensor<2x3x6xf32>, tensor<2x3x5xf32>
}

// -----

/// general: q W first ([B, Tq, Dk], contracting Dq), then the dot scores.
// CHECK-DAG: #[[$Q_MAP:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-DAG: #[[$W_MAP:.+]] = affine_map<(d0, d1, d2, d3) -> (d3, d2)>
// CHECK-DAG: #[[$K_MAP:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>
// CHECK-LABEL: func.func @attention_general(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x3x8xf32>,
// CHECK-SAME:      %[[KEYS:[a-zA-Z0-9_]+]]: tensor<2x5x4xf32>,
// CHECK-SAME:      %[[VALUES:[a-zA-Z0-9_]+]]: tensor<2x5x6xf32>,
// CHECK-SAME:      %[[W:[a-zA-Z0-9_]+]]: tensor<8x4xf32>)
// CHECK:         %[[QW:.+]] = linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$Q_MAP]], #[[$W_MAP]], #{{.+}}], iterator_types = ["parallel", "parallel", "parallel", "reduction"]
// CHECK-SAME:        ins(%[[QUERY]], %[[W]] : tensor<2x3x8xf32>, tensor<8x4xf32>) outs(%{{.+}} : tensor<2x3x4xf32>)
// CHECK:         linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$Q_MAP]], #[[$K_MAP]], #{{.+}}], iterator_types = ["parallel", "parallel", "parallel", "reduction"]
// CHECK-SAME:        ins(%[[QW]], %[[KEYS]] : tensor<2x3x4xf32>, tensor<2x5x4xf32>) outs(%{{.+}} : tensor<2x3x5xf32>)
// CHECK:         arith.shli
func.func @attention_general(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x4xf32>, %values: tensor<2x5x6xf32>, %w: tensor<8x4xf32>)
    -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>) {
  %ctx, %weights = s2s.attention general %query, %keys, %values w(%w)
      : (tensor<2x3x8xf32>, tensor<2x5x4xf32>, tensor<2x5x6xf32>,
         tensor<8x4xf32>) -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>)
  return %ctx, %weights : tensor<2x3x6xf32>, tensor<2x3x5xf32>
}

// -----

/// additive: both projections as [B*T, D] x W^T, then one 4-loop generic
/// (b, i, j parallel; a reduced) accumulating v[a] * tanh(pq + pk).
// CHECK-DAG: #[[$PQ_MAP:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-DAG: #[[$PK_MAP:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>
// CHECK-DAG: #[[$VEC_MAP:.+]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-DAG: #[[$OUT_MAP:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @attention_additive(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x3x8xf32>,
// CHECK-SAME:      %[[KEYS:[a-zA-Z0-9_]+]]: tensor<2x5x8xf32>,
// CHECK-SAME:      %[[VALUES:[a-zA-Z0-9_]+]]: tensor<2x5x6xf32>,
// CHECK-SAME:      %[[W_QUERY:[a-zA-Z0-9_]+]]: tensor<10x8xf32>,
// CHECK-SAME:      %[[W_KEYS:[a-zA-Z0-9_]+]]: tensor<10x8xf32>,
// CHECK-SAME:      %[[V:[a-zA-Z0-9_]+]]: tensor<10xf32>)
// CHECK:         %[[Q2:.+]] = tensor.collapse_shape %[[QUERY]] {{\[}}[0, 1], [2]] : tensor<2x3x8xf32> into tensor<6x8xf32>
// CHECK:         %[[PQ2:.+]] = linalg.generic {{.+}} ins(%[[Q2]], %[[W_QUERY]] : tensor<6x8xf32>, tensor<10x8xf32>)
// CHECK:         %[[PQ:.+]] = tensor.expand_shape %[[PQ2]] {{\[}}[0, 1], [2]] output_shape [2, 3, 10]
// CHECK:         %[[K2:.+]] = tensor.collapse_shape %[[KEYS]] {{\[}}[0, 1], [2]] : tensor<2x5x8xf32> into tensor<10x8xf32>
// CHECK:         %[[PK2:.+]] = linalg.generic {{.+}} ins(%[[K2]], %[[W_KEYS]] : tensor<10x8xf32>, tensor<10x8xf32>)
// CHECK:         %[[PK:.+]] = tensor.expand_shape %[[PK2]] {{\[}}[0, 1], [2]] output_shape [2, 5, 10]
// CHECK:         %[[SCORES:.+]] = linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$PQ_MAP]], #[[$PK_MAP]], #[[$VEC_MAP]], #[[$OUT_MAP]]]
// CHECK-SAME:        iterator_types = ["parallel", "parallel", "parallel", "reduction"]
// CHECK-SAME:        ins(%[[PQ]], %[[PK]], %[[V]] : tensor<2x3x10xf32>, tensor<2x5x10xf32>, tensor<10xf32>) outs(%{{.+}} : tensor<2x3x5xf32>)
// CHECK-NEXT:      ^bb0(%[[A:[a-zA-Z0-9_]+]]: f32, %[[B:[a-zA-Z0-9_]+]]: f32, %[[VA:[a-zA-Z0-9_]+]]: f32, %[[ACC:[a-zA-Z0-9_]+]]: f32):
// CHECK-NEXT:        %[[SUM:.+]] = arith.addf %[[A]], %[[B]] : f32
// CHECK-NEXT:        %[[T:.+]] = math.tanh %[[SUM]] : f32
// CHECK-NEXT:        %[[PROD:.+]] = arith.mulf %[[VA]], %[[T]] : f32
// CHECK-NEXT:        %[[NEXT:.+]] = arith.addf %[[ACC]], %[[PROD]] : f32
// CHECK-NEXT:        linalg.yield %[[NEXT]] : f32
// CHECK:         linalg.generic {{.+}} ins(%[[SCORES]] :
// CHECK:         arith.shli
func.func @attention_additive(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %values: tensor<2x5x6xf32>,
    %w_query: tensor<10x8xf32>, %w_keys: tensor<10x8xf32>, %v: tensor<10xf32>)
    -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>) {
  %ctx, %weights = s2s.attention additive %query, %keys, %values
      w_query(%w_query) w_keys(%w_keys) v(%v)
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x6xf32>,
         tensor<10x8xf32>, tensor<10x8xf32>, tensor<10xf32>)
      -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>)
  return %ctx, %weights : tensor<2x3x6xf32>, tensor<2x3x5xf32>
}

// -----

/// additive inside loops whose steps share the keys (a decoder's steps over
/// one source sequence): k W_k^T depends on the keys and W_k alone, so it is
/// computed once, before the outermost loop that defines neither; q W_q^T
/// and the scores stay in the loop.
// CHECK-LABEL: func.func @attention_additive_keys_hoisted(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x3x8xf32>,
// CHECK-SAME:      %[[KEYS:[a-zA-Z0-9_]+]]: tensor<2x5x8xf32>,
// CHECK-SAME:      %[[W_QUERY:[a-zA-Z0-9_]+]]: tensor<10x8xf32>,
// CHECK-SAME:      %[[W_KEYS:[a-zA-Z0-9_]+]]: tensor<10x8xf32>,
// CHECK:         %[[K2:.+]] = tensor.collapse_shape %[[KEYS]]
// CHECK:         %[[PK2:.+]] = linalg.generic {{.+}} ins(%[[K2]], %[[W_KEYS]] : tensor<10x8xf32>, tensor<10x8xf32>)
// CHECK:         %[[PK:.+]] = tensor.expand_shape %[[PK2]]
// CHECK:         scf.for
// CHECK:           scf.for
// CHECK-NOT:         %[[W_KEYS]]
// CHECK:             %[[Q2:.+]] = tensor.collapse_shape %[[QUERY]]
// CHECK:             linalg.generic {{.+}} ins(%[[Q2]], %[[W_QUERY]] : tensor<6x8xf32>, tensor<10x8xf32>)
// CHECK-NOT:         %[[W_KEYS]]
// CHECK:             linalg.generic {{.+}} ins(%{{.+}}, %[[PK]], %{{.+}} : tensor<2x3x10xf32>, tensor<2x5x10xf32>, tensor<10xf32>)
// CHECK:         return
/// Keys the loop defines (an iteration argument) keep their projection in
/// the loop.
// CHECK-LABEL: func.func @attention_additive_keys_in_loop(
// CHECK-SAME:      %{{[a-zA-Z0-9_]+}}: tensor<2x3x8xf32>,
// CHECK-SAME:      %{{[a-zA-Z0-9_]+}}: tensor<2x5x8xf32>,
// CHECK-SAME:      %{{[a-zA-Z0-9_]+}}: tensor<10x8xf32>,
// CHECK-SAME:      %[[W_KEYS:[a-zA-Z0-9_]+]]: tensor<10x8xf32>,
// CHECK:         scf.for {{.+}} iter_args(%[[K:.+]] = %{{.+}})
// CHECK:           %[[K2:.+]] = tensor.collapse_shape %[[K]]
// CHECK:           linalg.generic {{.+}} ins(%[[K2]], %[[W_KEYS]] : tensor<10x8xf32>, tensor<10x8xf32>)
func.func @attention_additive_keys_hoisted(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %w_query: tensor<10x8xf32>,
    %w_keys: tensor<10x8xf32>, %v: tensor<10xf32>) -> tensor<2x3x5xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %init = tensor.empty() : tensor<2x3x5xf32>
  %outer = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %init)
      -> (tensor<2x3x5xf32>) {
    %inner = scf.for %j = %c0 to %c4 step %c1 iter_args(%acc2 = %acc)
        -> (tensor<2x3x5xf32>) {
      %ctx, %weights = s2s.attention additive %query, %keys, %keys
          w_query(%w_query) w_keys(%w_keys) v(%v)
          : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x8xf32>,
             tensor<10x8xf32>, tensor<10x8xf32>, tensor<10xf32>)
          -> (tensor<2x3x8xf32>, tensor<2x3x5xf32>)
      scf.yield %weights : tensor<2x3x5xf32>
    }
    scf.yield %inner : tensor<2x3x5xf32>
  }
  return %outer : tensor<2x3x5xf32>
}
func.func @attention_additive_keys_in_loop(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %w_query: tensor<10x8xf32>,
    %w_keys: tensor<10x8xf32>, %v: tensor<10xf32>) -> tensor<2x3x8xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %out = scf.for %i = %c0 to %c4 step %c1 iter_args(%k = %keys)
      -> (tensor<2x5x8xf32>) {
    %ctx, %weights = s2s.attention additive %query, %k, %k
        w_query(%w_query) w_keys(%w_keys) v(%v)
        : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x8xf32>,
           tensor<10x8xf32>, tensor<10x8xf32>, tensor<10xf32>)
        -> (tensor<2x3x8xf32>, tensor<2x3x5xf32>)
    %next = tensor.insert_slice %ctx into %k[0, 0, 0] [2, 3, 8] [1, 1, 1]
        : tensor<2x3x8xf32> into tensor<2x5x8xf32>
    scf.yield %next : tensor<2x5x8xf32>
  }
  %first = tensor.extract_slice %out[0, 0, 0] [2, 3, 8] [1, 1, 1]
      : tensor<2x5x8xf32> to tensor<2x3x8xf32>
  return %first : tensor<2x3x8xf32>
}

// -----

/// Keys that a loop selects by batch row from keys defined outside it (the
/// sentences still decoding, the sentence of each beam) are projected once,
/// before the loop, and the loop selects the rows of the projection (a
/// clamped gather along dimension 0) instead of projecting its selection.
// CHECK-LABEL: func.func @attention_additive_selected_keys_hoisted(
// CHECK-SAME:      %[[KEYS:[a-zA-Z0-9_]+]]: tensor<4x5x8xf32>,
// CHECK-SAME:      %[[W_KEYS:[a-zA-Z0-9_]+]]: tensor<10x8xf32>,
// CHECK:         %[[K2:.+]] = tensor.collapse_shape %[[KEYS]]
// CHECK:         %[[PK2:.+]] = linalg.generic {{.+}} ins(%[[K2]], %[[W_KEYS]] : tensor<20x8xf32>, tensor<10x8xf32>)
// CHECK:         %[[PK:.+]] = tensor.expand_shape %[[PK2]] {{.+}} : tensor<20x10xf32> into tensor<4x5x10xf32>
// CHECK:         scf.for {{.+}} iter_args(%[[ROWS:.+]] = %{{.+}})
// CHECK-NOT:       %[[W_KEYS]]
// CHECK:           %[[PK_ROWS:.+]] = linalg.generic {{.+}} ins(%[[ROWS]] : tensor<?xi64>) outs(%{{.+}} : tensor<?x5x10xf32>)
// CHECK:             arith.maxsi
// CHECK:             arith.minsi
// CHECK:             tensor.extract %[[PK]]
// CHECK-NOT:       %[[W_KEYS]]
// CHECK:           linalg.generic {{.+}} ins(%{{.+}}, %[[PK_ROWS]], %{{.+}} : tensor<?x1x10xf32>, tensor<?x5x10xf32>, tensor<10xf32>)
/// The same through a tensor.cast of the selected keys.
// CHECK-LABEL: func.func @attention_additive_selected_keys_cast_hoisted(
// CHECK-SAME:      %[[KEYS:[a-zA-Z0-9_]+]]: tensor<4x5x8xf32>,
// CHECK-SAME:      %[[W_KEYS:[a-zA-Z0-9_]+]]: tensor<10x8xf32>,
// CHECK:         linalg.generic {{.+}} ins(%{{.+}}, %[[W_KEYS]] : tensor<20x8xf32>, tensor<10x8xf32>)
// CHECK:         scf.for
// CHECK-NOT:       %[[W_KEYS]]
// CHECK:         return
/// Keys selected along another dimension (positions, not rows) keep their
/// projection in the loop.
// CHECK-LABEL: func.func @attention_additive_selected_positions_in_loop(
// CHECK-SAME:      %{{[a-zA-Z0-9_]+}}: tensor<4x5x8xf32>,
// CHECK-SAME:      %[[W_KEYS:[a-zA-Z0-9_]+]]: tensor<10x8xf32>,
// CHECK:         scf.for
// CHECK:           linalg.generic {{.+}} ins(%{{.+}}, %[[W_KEYS]] : tensor<?x8xf32>, tensor<10x8xf32>)
func.func @attention_additive_selected_keys_hoisted(%keys: tensor<4x5x8xf32>,
    %w_keys: tensor<10x8xf32>, %query: tensor<?x1x8xf32>,
    %w_query: tensor<10x8xf32>, %v: tensor<10xf32>, %rows0: tensor<?xi64>)
    -> tensor<?xi64> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %out = scf.for %i = %c0 to %c4 step %c1 iter_args(%rows = %rows0)
      -> (tensor<?xi64>) {
    %k = s2s.index_select %keys, %rows dim(0)
        : (tensor<4x5x8xf32>, tensor<?xi64>) -> tensor<?x5x8xf32>
    %ctx, %weights = s2s.attention additive %query, %k, %k
        w_query(%w_query) w_keys(%w_keys) v(%v)
        : (tensor<?x1x8xf32>, tensor<?x5x8xf32>, tensor<?x5x8xf32>,
           tensor<10x8xf32>, tensor<10x8xf32>, tensor<10xf32>)
        -> (tensor<?x1x8xf32>, tensor<?x1x5xf32>)
    %best = s2s.argmax %weights dim(2)
        : (tensor<?x1x5xf32>) -> tensor<?x1xi64>
    %next = tensor.collapse_shape %best [[0, 1]]
        : tensor<?x1xi64> into tensor<?xi64>
    scf.yield %next : tensor<?xi64>
  }
  return %out : tensor<?xi64>
}
func.func @attention_additive_selected_keys_cast_hoisted(
    %keys: tensor<4x5x8xf32>, %w_keys: tensor<10x8xf32>,
    %query: tensor<?x1x8xf32>, %w_query: tensor<10x8xf32>,
    %v: tensor<10xf32>, %rows0: tensor<?xi64>) -> tensor<?xi64> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %out = scf.for %i = %c0 to %c4 step %c1 iter_args(%rows = %rows0)
      -> (tensor<?xi64>) {
    %k = s2s.index_select %keys, %rows dim(0)
        : (tensor<4x5x8xf32>, tensor<?xi64>) -> tensor<?x5x8xf32>
    %kc = tensor.cast %k : tensor<?x5x8xf32> to tensor<?x?x8xf32>
    %ctx, %weights = s2s.attention additive %query, %kc, %kc
        w_query(%w_query) w_keys(%w_keys) v(%v)
        : (tensor<?x1x8xf32>, tensor<?x?x8xf32>, tensor<?x?x8xf32>,
           tensor<10x8xf32>, tensor<10x8xf32>, tensor<10xf32>)
        -> (tensor<?x1x8xf32>, tensor<?x1x?xf32>)
    %best = s2s.argmax %weights dim(2)
        : (tensor<?x1x?xf32>) -> tensor<?x1xi64>
    %next = tensor.collapse_shape %best [[0, 1]]
        : tensor<?x1xi64> into tensor<?xi64>
    scf.yield %next : tensor<?xi64>
  }
  return %out : tensor<?xi64>
}
func.func @attention_additive_selected_positions_in_loop(
    %keys: tensor<4x5x8xf32>, %w_keys: tensor<10x8xf32>,
    %query: tensor<4x1x8xf32>, %w_query: tensor<10x8xf32>,
    %v: tensor<10xf32>, %positions0: tensor<?xi64>) -> tensor<?xi64> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %out = scf.for %i = %c0 to %c4 step %c1 iter_args(%positions = %positions0)
      -> (tensor<?xi64>) {
    %k = s2s.index_select %keys, %positions dim(1)
        : (tensor<4x5x8xf32>, tensor<?xi64>) -> tensor<4x?x8xf32>
    %ctx, %weights = s2s.attention additive %query, %k, %k
        w_query(%w_query) w_keys(%w_keys) v(%v)
        : (tensor<4x1x8xf32>, tensor<4x?x8xf32>, tensor<4x?x8xf32>,
           tensor<10x8xf32>, tensor<10x8xf32>, tensor<10xf32>)
        -> (tensor<4x1x8xf32>, tensor<4x1x?xf32>)
    %best = s2s.argmax %weights dim(2)
        : (tensor<4x1x?xf32>) -> tensor<4x1xi64>
    %next = tensor.collapse_shape %best [[0, 1]]
        : tensor<4x1xi64> into tensor<4xi64>
    %cast = tensor.cast %next : tensor<4xi64> to tensor<?xi64>
    scf.yield %cast : tensor<?xi64>
  }
  return %out : tensor<?xi64>
}

// -----

/// A [B, 1, Tk] mask is read at (b, 0, j) for every query; a false entry
/// replaces the score with -inf before the softmax.
// CHECK-DAG: #[[$ID3:.+]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[$MASK_MAP:.+]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK-LABEL: func.func @attention_mask_broadcast(
// CHECK-SAME:      %[[MASK:[a-zA-Z0-9_]+]]: tensor<2x1x5xi1>)
// CHECK:         %[[SCORES:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "parallel", "reduction"]
// CHECK:         %[[NEG_INF:.+]] = arith.constant 0xFF800000 : f32
// CHECK:         %[[MASKED:.+]] = linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$ID3]], #[[$MASK_MAP]], #[[$ID3]]]
// CHECK-SAME:        ins(%[[SCORES]], %[[MASK]] : tensor<2x3x5xf32>, tensor<2x1x5xi1>)
// CHECK-NEXT:      ^bb0(%[[S:[a-zA-Z0-9_]+]]: f32, %[[ALLOWED:[a-zA-Z0-9_]+]]: i1, %{{.+}}: f32):
// CHECK-NEXT:        %[[S_OR_INF:.+]] = arith.select %[[ALLOWED]], %[[S]], %[[NEG_INF]] : f32
// CHECK-NEXT:        linalg.yield %[[S_OR_INF]] : f32
// CHECK:         linalg.generic {{.+}} ins(%[[MASKED]] : tensor<2x3x5xf32>)
// CHECK:           arith.maximumf
func.func @attention_mask_broadcast(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %values: tensor<2x5x6xf32>,
    %mask: tensor<2x1x5xi1>) -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>) {
  %ctx, %weights = s2s.attention dot %query, %keys, %values mask(%mask)
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x6xf32>,
         tensor<2x1x5xi1>) -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>)
  return %ctx, %weights : tensor<2x3x6xf32>, tensor<2x3x5xf32>
}

// -----

//===----------------------------------------------------------------------===//
// s2s.scaled_dot_product_attention
//===----------------------------------------------------------------------===//

/// Grouped-query attention (H = 4, Hkv = 2): query head h reads key/value head
/// h floordiv 2 through the indexing map; K and V are not copied. The default
/// scale is 1/sqrt(8).
// CHECK-DAG: #[[$Q_MAP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>
// CHECK-DAG: #[[$K_MAP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1 floordiv 2, d3, d4)>
// CHECK-DAG: #[[$V_MAP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1 floordiv 2, d4, d3)>
// CHECK-DAG: #[[$OUT_MAP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @sdpa_grouped_query(
// CHECK-SAME:      %[[Q:[a-zA-Z0-9_]+]]: tensor<1x4x5x8xf32>,
// CHECK-SAME:      %[[K:[a-zA-Z0-9_]+]]: tensor<1x2x12x8xf32>,
// CHECK-SAME:      %[[V:[a-zA-Z0-9_]+]]: tensor<1x2x12x6xf32>)
// CHECK:         %[[SCORES:.+]] = linalg.generic
// CHECK-SAME:        indexing_maps = [#[[$Q_MAP]], #[[$K_MAP]], #[[$OUT_MAP]]]
// CHECK-SAME:        iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]
// CHECK-SAME:        ins(%[[Q]], %[[K]] : tensor<1x4x5x8xf32>, tensor<1x2x12x8xf32>) outs(%{{.+}} : tensor<1x4x5x12xf32>)
// CHECK:         %[[SCALE:.+]] = arith.constant 0.353553385 : f32
// CHECK:         linalg.generic {{.+}} ins(%[[SCORES]] :
// CHECK-NEXT:      ^bb0(%[[S:[a-zA-Z0-9_]+]]: f32,
// CHECK-NEXT:        arith.mulf %[[S]], %[[SCALE]] : f32
// CHECK:         %[[OUT:.+]] = linalg.generic {indexing_maps = [#[[$Q_MAP]], #[[$V_MAP]], #[[$OUT_MAP]]]
// CHECK-SAME:        ins(%{{.+}}, %[[V]] : tensor<1x4x5x12xf32>, tensor<1x2x12x6xf32>) outs(%{{.+}} : tensor<1x4x5x6xf32>)
// CHECK:         return %[[OUT]] : tensor<1x4x5x6xf32>
func.func @sdpa_grouped_query(%q: tensor<1x4x5x8xf32>, %k: tensor<1x2x12x8xf32>,
    %v: tensor<1x2x12x6xf32>) -> tensor<1x4x5x6xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v
      : (tensor<1x4x5x8xf32>, tensor<1x2x12x8xf32>, tensor<1x2x12x6xf32>)
      -> tensor<1x4x5x6xf32>
  return %out : tensor<1x4x5x6xf32>
}

// -----

/// causal with Tq = 5, Tk = 12 is bottom-right aligned: key j is visible to
/// query i iff j <= i + 7, computed from linalg.index in the masking generic.
/// The explicit scale replaces 1/sqrt(D).
// CHECK-LABEL: func.func @sdpa_causal(
// CHECK:         %[[SCORES:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]
// CHECK:         %[[SCALE:.+]] = arith.constant 5.000000e-01 : f32
// CHECK:         %[[NEG_INF:.+]] = arith.constant 0xFF800000 : f32
// CHECK:         linalg.generic {{.+}} ins(%[[SCORES]] : tensor<2x2x5x12xf32>)
// CHECK-NEXT:      ^bb0(%[[S:[a-zA-Z0-9_]+]]: f32,
// CHECK-NEXT:        %[[SCALED:.+]] = arith.mulf %[[S]], %[[SCALE]] : f32
// CHECK-NEXT:        %[[I:.+]] = linalg.index 2 : index
// CHECK-NEXT:        %[[J:.+]] = linalg.index 3 : index
// CHECK-NEXT:        %[[SHIFT:.+]] = arith.constant 7 : index
// CHECK-NEXT:        %[[LIMIT:.+]] = arith.addi %[[I]], %[[SHIFT]] : index
// CHECK-NEXT:        %[[VISIBLE:.+]] = arith.cmpi sle, %[[J]], %[[LIMIT]] : index
// CHECK-NEXT:        %[[RES:.+]] = arith.select %[[VISIBLE]], %[[SCALED]], %[[NEG_INF]] : f32
// CHECK-NEXT:        linalg.yield %[[RES]] : f32
func.func @sdpa_causal(%q: tensor<2x2x5x8xf32>, %k: tensor<2x2x12x8xf32>,
    %v: tensor<2x2x12x8xf32>) -> tensor<2x2x5x8xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v scale(0.5) causal
      : (tensor<2x2x5x8xf32>, tensor<2x2x12x8xf32>, tensor<2x2x12x8xf32>)
      -> tensor<2x2x5x8xf32>
  return %out : tensor<2x2x5x8xf32>
}

// -----

/// A boolean [B, 1, 1, Tk] mask broadcasts over heads and queries: the map
/// reads its size-1 dimensions at the constant 0.
// CHECK-DAG: #[[$ID4:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[$MASK_MAP:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, 0, 0, d3)>
// CHECK-LABEL: func.func @sdpa_bool_mask_broadcast(
// CHECK-SAME:      %[[MASK:[a-zA-Z0-9_]+]]: tensor<2x1x1x12xi1>)
// CHECK:         linalg.generic {indexing_maps = [#[[$ID4]], #[[$MASK_MAP]], #[[$ID4]]]
// CHECK-SAME:        ins(%{{.+}}, %[[MASK]] : tensor<2x4x5x12xf32>, tensor<2x1x1x12xi1>)
// CHECK-NEXT:      ^bb0(%{{.+}}: f32, %[[ALLOWED:[a-zA-Z0-9_]+]]: i1,
// CHECK-NEXT:        %[[S:.+]] = arith.mulf
// CHECK-NEXT:        arith.select %[[ALLOWED]], %[[S]], %{{.+}} : f32
func.func @sdpa_bool_mask_broadcast(%q: tensor<2x4x5x8xf32>,
    %k: tensor<2x4x12x8xf32>, %v: tensor<2x4x12x8xf32>,
    %mask: tensor<2x1x1x12xi1>) -> tensor<2x4x5x8xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<2x4x5x8xf32>, tensor<2x4x12x8xf32>, tensor<2x4x12x8xf32>,
         tensor<2x1x1x12xi1>) -> tensor<2x4x5x8xf32>
  return %out : tensor<2x4x5x8xf32>
}

// -----

/// A float mask is additive: added to the scaled score, with no select; a
/// rank-2 [Tq, Tk] mask is aligned right.
// CHECK-DAG: #[[$ID4:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[$MASK_MAP:.+]] = affine_map<(d0, d1, d2, d3) -> (d2, d3)>
// CHECK-LABEL: func.func @sdpa_additive_mask_rank2(
// CHECK-SAME:      %[[MASK:[a-zA-Z0-9_]+]]: tensor<5x12xf32>)
// CHECK:         linalg.generic {indexing_maps = [#[[$ID4]], #[[$MASK_MAP]], #[[$ID4]]]
// CHECK-SAME:        ins(%{{.+}}, %[[MASK]] : tensor<2x4x5x12xf32>, tensor<5x12xf32>)
// CHECK-NEXT:      ^bb0(%{{.+}}: f32, %[[BIAS:[a-zA-Z0-9_]+]]: f32,
// CHECK-NEXT:        %[[S:.+]] = arith.mulf
// CHECK-NEXT:        %[[SUM:.+]] = arith.addf %[[S]], %[[BIAS]] : f32
// CHECK-NEXT:        linalg.yield %[[SUM]] : f32
func.func @sdpa_additive_mask_rank2(%q: tensor<2x4x5x8xf32>,
    %k: tensor<2x4x12x8xf32>, %v: tensor<2x4x12x8xf32>,
    %mask: tensor<5x12xf32>) -> tensor<2x4x5x8xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<2x4x5x8xf32>, tensor<2x4x12x8xf32>, tensor<2x4x12x8xf32>,
         tensor<5x12xf32>) -> tensor<2x4x5x8xf32>
  return %out : tensor<2x4x5x8xf32>
}

// -----

//===----------------------------------------------------------------------===//
// s2s.multi_head_attention
//===----------------------------------------------------------------------===//

/// Packed self-attention: rows [0, E), [E, 2E), [2E, 3E) of in_proj_weight
/// and in_proj_bias project the same input to q, k and v in one GEMM with
/// N = 3E, whose column thirds are split into
/// heads ([B, T, 4, 8] transposed to [B, 4, T, 8]). Scale 1/sqrt(8). The
/// heads are merged back ([B*T, E]) for the output projection.
// CHECK-DAG: #[[$QH_MAP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>
// CHECK-DAG: #[[$KH_MAP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>
// CHECK-DAG: #[[$VH_MAP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>
// CHECK-LABEL: func.func @mha_packed_self_attention(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<2x10x32xf32>,
// CHECK-SAME:      %[[W_IN:[a-zA-Z0-9_]+]]: tensor<96x32xf32>,
// CHECK-SAME:      %[[B_IN:[a-zA-Z0-9_]+]]: tensor<96xf32>,
// CHECK-SAME:      %[[W_OUT:[a-zA-Z0-9_]+]]: tensor<32x32xf32>,
// CHECK-SAME:      %[[B_OUT:[a-zA-Z0-9_]+]]: tensor<32xf32>)
// CHECK:         %[[X2:.+]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1], [2]] : tensor<2x10x32xf32> into tensor<20x32xf32>
// CHECK:         %[[ALL:.+]] = linalg.generic {{.+}} ins(%[[X2]], %[[W_IN]] : tensor<20x32xf32>, tensor<96x32xf32>)
// CHECK:         %[[ALLB:.+]] = linalg.generic {{.+}} ins(%[[ALL]], %[[B_IN]] :
// CHECK:         %[[QS:.+]] = tensor.extract_slice %[[ALLB]][0, 0] [20, 32] [1, 1] : tensor<20x96xf32> to tensor<20x32xf32>
// CHECK:         %[[Q4:.+]] = tensor.expand_shape %[[QS]] {{\[}}[0, 1], [2, 3]] output_shape [2, 10, 4, 8] : tensor<20x32xf32> into tensor<2x10x4x8xf32>
// CHECK:         %[[QH:.+]] = linalg.transpose ins(%[[Q4]] : tensor<2x10x4x8xf32>) outs(%{{.+}} : tensor<2x4x10x8xf32>) permutation = [0, 2, 1, 3]
// CHECK:         tensor.extract_slice %[[ALLB]][0, 32] [20, 32] [1, 1]
// CHECK:         %[[KH:.+]] = linalg.transpose {{.+}} permutation = [0, 2, 1, 3]
// CHECK:         tensor.extract_slice %[[ALLB]][0, 64] [20, 32] [1, 1]
// CHECK:         %[[VH:.+]] = linalg.transpose {{.+}} permutation = [0, 2, 1, 3]
// CHECK:         %[[SCORES:.+]] = linalg.generic {indexing_maps = [#[[$QH_MAP]], #[[$KH_MAP]], #{{.+}}]
// CHECK-SAME:        ins(%[[QH]], %[[KH]] : tensor<2x4x10x8xf32>, tensor<2x4x10x8xf32>) outs(%{{.+}} : tensor<2x4x10x10xf32>)
// CHECK:         %[[SCALE:.+]] = arith.constant 0.353553385 : f32
// CHECK:         arith.shli
// CHECK:         %[[ATTN:.+]] = linalg.generic {indexing_maps = [#[[$QH_MAP]], #[[$VH_MAP]], #{{.+}}]
// CHECK-SAME:        ins(%{{.+}}, %[[VH]] : tensor<2x4x10x10xf32>, tensor<2x4x10x8xf32>)
// CHECK:         %[[MERGED4:.+]] = linalg.transpose ins(%[[ATTN]] : tensor<2x4x10x8xf32>) outs(%{{.+}} : tensor<2x10x4x8xf32>) permutation = [0, 2, 1, 3]
// CHECK:         %[[MERGED:.+]] = tensor.collapse_shape %[[MERGED4]] {{\[}}[0, 1], [2, 3]] : tensor<2x10x4x8xf32> into tensor<20x32xf32>
// CHECK:         %[[PROJ:.+]] = linalg.generic {{.+}} ins(%[[MERGED]], %[[W_OUT]] :
// CHECK:         %[[PROJB:.+]] = linalg.generic {{.+}} ins(%[[PROJ]], %[[B_OUT]] :
// CHECK:         %[[OUT:.+]] = tensor.expand_shape %[[PROJB]] {{\[}}[0, 1], [2]] output_shape [2, 10, 32]
// CHECK:         return %[[OUT]] : tensor<2x10x32xf32>
func.func @mha_packed_self_attention(%x: tensor<2x10x32xf32>,
    %w_in: tensor<96x32xf32>, %b_in: tensor<96xf32>, %w_out: tensor<32x32xf32>,
    %b_out: tensor<32xf32>) -> tensor<2x10x32xf32> {
  %out = s2s.multi_head_attention %x in_proj_weight(%w_in) in_proj_bias(%b_in)
      out_proj_weight(%w_out) out_proj_bias(%b_out) num_heads(4) batch_first
      : (tensor<2x10x32xf32>, tensor<96x32xf32>, tensor<96xf32>,
         tensor<32x32xf32>, tensor<32xf32>) -> tensor<2x10x32xf32>
  return %out : tensor<2x10x32xf32>
}

// -----

/// Separate projection weights project query, key and value (of different
/// widths) each with its own weight. Without batch_first the inputs are
/// transposed to [B, T, E] first and the output back to [Tq, B, E].
// CHECK-LABEL: func.func @mha_separate_weights(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<3x2x16xf32>,
// CHECK-SAME:      %[[KEY:[a-zA-Z0-9_]+]]: tensor<7x2x12xf32>,
// CHECK-SAME:      %[[VALUE:[a-zA-Z0-9_]+]]: tensor<7x2x20xf32>,
// CHECK-SAME:      %[[W_Q:[a-zA-Z0-9_]+]]: tensor<16x16xf32>,
// CHECK-SAME:      %[[W_K:[a-zA-Z0-9_]+]]: tensor<16x12xf32>,
// CHECK-SAME:      %[[W_V:[a-zA-Z0-9_]+]]: tensor<16x20xf32>,
// CHECK-SAME:      %[[W_OUT:[a-zA-Z0-9_]+]]: tensor<16x16xf32>)
// CHECK-NOT:     tensor.extract_slice
// CHECK:         %[[Q_BT:.+]] = linalg.transpose ins(%[[QUERY]] : tensor<3x2x16xf32>) outs(%{{.+}} : tensor<2x3x16xf32>) permutation = [1, 0, 2]
// CHECK:         %[[Q2:.+]] = tensor.collapse_shape %[[Q_BT]]
// CHECK:         linalg.generic {{.+}} ins(%[[Q2]], %[[W_Q]] : tensor<6x16xf32>, tensor<16x16xf32>)
// CHECK:         %[[K_BT:.+]] = linalg.transpose ins(%[[KEY]] : tensor<7x2x12xf32>) outs(%{{.+}} : tensor<2x7x12xf32>) permutation = [1, 0, 2]
// CHECK:         %[[K2:.+]] = tensor.collapse_shape %[[K_BT]]
// CHECK:         linalg.generic {{.+}} ins(%[[K2]], %[[W_K]] : tensor<14x12xf32>, tensor<16x12xf32>)
// CHECK:         %[[V_BT:.+]] = linalg.transpose ins(%[[VALUE]] : tensor<7x2x20xf32>) outs(%{{.+}} : tensor<2x7x20xf32>) permutation = [1, 0, 2]
// CHECK:         %[[V2:.+]] = tensor.collapse_shape %[[V_BT]]
// CHECK:         linalg.generic {{.+}} ins(%[[V2]], %[[W_V]] : tensor<14x20xf32>, tensor<16x20xf32>)
// CHECK:         linalg.generic {{.+}} outs(%{{.+}} : tensor<2x2x3x7xf32>)
// CHECK:         linalg.generic {{.+}} ins(%{{.+}}, %[[W_OUT]] : tensor<6x16xf32>, tensor<16x16xf32>)
// CHECK:         %[[OUT_BT:.+]] = tensor.expand_shape %{{.+}} output_shape [2, 3, 16]
// CHECK:         %[[OUT:.+]] = linalg.transpose ins(%[[OUT_BT]] : tensor<2x3x16xf32>) outs(%{{.+}} : tensor<3x2x16xf32>) permutation = [1, 0, 2]
// CHECK:         return %[[OUT]] : tensor<3x2x16xf32>
func.func @mha_separate_weights(%query: tensor<3x2x16xf32>,
    %key: tensor<7x2x12xf32>, %value: tensor<7x2x20xf32>,
    %w_q: tensor<16x16xf32>, %w_k: tensor<16x12xf32>, %w_v: tensor<16x20xf32>,
    %w_out: tensor<16x16xf32>) -> tensor<3x2x16xf32> {
  %out = s2s.multi_head_attention %query, %key, %value q_proj_weight(%w_q)
      k_proj_weight(%w_k) v_proj_weight(%w_v) out_proj_weight(%w_out)
      num_heads(2)
      : (tensor<3x2x16xf32>, tensor<7x2x12xf32>, tensor<7x2x20xf32>,
         tensor<16x16xf32>, tensor<16x12xf32>, tensor<16x20xf32>,
         tensor<16x16xf32>) -> tensor<3x2x16xf32>
  return %out : tensor<3x2x16xf32>
}

// -----

/// All masks meet in one generic: key_padding_mask [B, Tk] at (b, j), a
/// [B*heads, Tq, Tk] attn_mask at (b*4 + h, i, j) (additive here), and the
/// causal condition; the boolean conditions are and-ed into one select.
// CHECK-DAG: #[[$ID4:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[$KPM_MAP:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d3)>
// CHECK-DAG: #[[$ATTN_MAP:.+]] = affine_map<(d0, d1, d2, d3) -> (d0 * 4 + d1, d2, d3)>
// CHECK-LABEL: func.func @mha_masks_causal(
// CHECK-SAME:      %[[KPM:[a-zA-Z0-9_]+]]: tensor<2x10xi1>,
// CHECK-SAME:      %[[ATTN_MASK:[a-zA-Z0-9_]+]]: tensor<8x10x10xf32>)
// CHECK:         %[[NEG_INF:.+]] = arith.constant 0xFF800000 : f32
// CHECK:         linalg.generic {indexing_maps = [#[[$ID4]], #[[$KPM_MAP]], #[[$ATTN_MAP]], #[[$ID4]]]
// CHECK-SAME:        ins(%{{.+}}, %[[KPM]], %[[ATTN_MASK]] : tensor<2x4x10x10xf32>, tensor<2x10xi1>, tensor<8x10x10xf32>)
// CHECK-NEXT:      ^bb0(%{{.+}}: f32, %[[KEEP:[a-zA-Z0-9_]+]]: i1, %[[BIAS:[a-zA-Z0-9_]+]]: f32,
// CHECK-NEXT:        %[[S:.+]] = arith.mulf
// CHECK-NEXT:        %[[SB:.+]] = arith.addf %[[S]], %[[BIAS]] : f32
// CHECK:             %[[VISIBLE:.+]] = arith.cmpi sle
// CHECK-NEXT:        %[[ALLOWED:.+]] = arith.andi %[[KEEP]], %[[VISIBLE]] : i1
// CHECK-NEXT:        %[[RES:.+]] = arith.select %[[ALLOWED]], %[[SB]], %[[NEG_INF]] : f32
// CHECK-NEXT:        linalg.yield %[[RES]] : f32
func.func @mha_masks_causal(%x: tensor<2x10x32xf32>, %w_in: tensor<96x32xf32>,
    %w_out: tensor<32x32xf32>, %kpm: tensor<2x10xi1>,
    %attn_mask: tensor<8x10x10xf32>) -> tensor<2x10x32xf32> {
  %out = s2s.multi_head_attention %x in_proj_weight(%w_in)
      out_proj_weight(%w_out) key_padding_mask(%kpm) attn_mask(%attn_mask)
      num_heads(4) batch_first causal
      : (tensor<2x10x32xf32>, tensor<96x32xf32>, tensor<32x32xf32>,
         tensor<2x10xi1>, tensor<8x10x10xf32>) -> tensor<2x10x32xf32>
  return %out : tensor<2x10x32xf32>
}

// -----

/// A [Tq, Tk] attn_mask is shared by every batch and head.
// CHECK-DAG: #[[$ATTN_MAP:.+]] = affine_map<(d0, d1, d2, d3) -> (d2, d3)>
// CHECK-LABEL: func.func @mha_attn_mask_rank2(
// CHECK-SAME:      %[[ATTN_MASK:[a-zA-Z0-9_]+]]: tensor<10x10xi1>)
// CHECK:         linalg.generic {indexing_maps = [#{{.+}}, #[[$ATTN_MAP]], #{{.+}}]
// CHECK-SAME:        ins(%{{.+}}, %[[ATTN_MASK]] : tensor<2x4x10x10xf32>, tensor<10x10xi1>)
// CHECK:             arith.select
func.func @mha_attn_mask_rank2(%x: tensor<2x10x32xf32>, %w_in: tensor<96x32xf32>,
    %w_out: tensor<32x32xf32>, %attn_mask: tensor<10x10xi1>) -> tensor<2x10x32xf32> {
  %out = s2s.multi_head_attention %x in_proj_weight(%w_in)
      out_proj_weight(%w_out) attn_mask(%attn_mask) num_heads(4) batch_first
      : (tensor<2x10x32xf32>, tensor<96x32xf32>, tensor<32x32xf32>,
         tensor<10x10xi1>) -> tensor<2x10x32xf32>
  return %out : tensor<2x10x32xf32>
}

// -----

/// need_weights: the softmax output is also reduced over heads (the last,
/// reduction loop reads p[b, h, i, j] at (d0, d3, d1, d2)) and divided by the
/// number of heads.
// CHECK-DAG: #[[$P_MAP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>
// CHECK-DAG: #[[$VH_MAP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>
// CHECK-DAG: #[[$HEAD_LAST:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d3, d1, d2)>
// CHECK-DAG: #[[$AVG_OUT:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @mha_need_weights(
// CHECK:         linalg.generic {indexing_maps = [#[[$P_MAP]], #[[$VH_MAP]], #{{.+}}]
// CHECK-SAME:        ins(%[[PROBS:[a-zA-Z0-9_]+]], %{{.+}} : tensor<2x4x10x10xf32>, tensor<2x4x10x8xf32>)
// CHECK:         %[[OUT:.+]] = tensor.expand_shape {{.+}} output_shape [2, 10, 32]
// CHECK:         %[[SUM:.+]] = linalg.generic {indexing_maps = [#[[$HEAD_LAST]], #[[$AVG_OUT]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]
// CHECK-SAME:        ins(%[[PROBS]] : tensor<2x4x10x10xf32>) outs(%{{.+}} : tensor<2x10x10xf32>)
// CHECK:           arith.addf
// CHECK:         %[[HEADS:.+]] = arith.constant 4.000000e+00 : f32
// CHECK:         %[[AVG:.+]] = linalg.generic {{.+}} ins(%[[SUM]] : tensor<2x10x10xf32>)
// CHECK-NEXT:      ^bb0(%[[V:[a-zA-Z0-9_]+]]: f32,
// CHECK-NEXT:        %[[MEAN:.+]] = arith.divf %[[V]], %[[HEADS]] : f32
// CHECK:         return %[[OUT]], %[[AVG]] : tensor<2x10x32xf32>, tensor<2x10x10xf32>
func.func @mha_need_weights(%x: tensor<2x10x32xf32>, %w_in: tensor<96x32xf32>,
    %w_out: tensor<32x32xf32>) -> (tensor<2x10x32xf32>, tensor<2x10x10xf32>) {
  %out, %avg = s2s.multi_head_attention %x in_proj_weight(%w_in)
      out_proj_weight(%w_out) num_heads(4) batch_first need_weights
      : (tensor<2x10x32xf32>, tensor<96x32xf32>, tensor<32x32xf32>)
      -> (tensor<2x10x32xf32>, tensor<2x10x10xf32>)
  return %out, %avg : tensor<2x10x32xf32>, tensor<2x10x10xf32>
}

// -----

//===----------------------------------------------------------------------===//
// s2s.linear
//===----------------------------------------------------------------------===//

/// A rank-1 input is viewed as [1, In] and the result collapsed back to [Out].
// CHECK-DAG: #[[$X_MAP:.+]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[$W_MAP:.+]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[$OUT_MAP:.+]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[$ID2:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$BIAS_MAP:.+]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @linear_rank1(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<16xf32>,
// CHECK-SAME:      %[[W:[a-zA-Z0-9_]+]]: tensor<12x16xf32>,
// CHECK-SAME:      %[[B:[a-zA-Z0-9_]+]]: tensor<12xf32>)
// CHECK:         %[[X2:.+]] = tensor.expand_shape %[[X]] {{\[}}[0, 1]] output_shape [1, 16] : tensor<16xf32> into tensor<1x16xf32>
// CHECK:         %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK:         %[[INIT:.+]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.+}} : tensor<1x12xf32>)
// CHECK:         %[[XW:.+]] = linalg.generic {indexing_maps = [#[[$X_MAP]], #[[$W_MAP]], #[[$OUT_MAP]]], iterator_types = ["parallel", "parallel", "reduction"]}
// CHECK-SAME:        ins(%[[X2]], %[[W]] : tensor<1x16xf32>, tensor<12x16xf32>) outs(%[[INIT]] : tensor<1x12xf32>)
// CHECK-NEXT:      ^bb0(%[[A:[a-zA-Z0-9_]+]]: f32, %[[WV:[a-zA-Z0-9_]+]]: f32, %[[ACC:[a-zA-Z0-9_]+]]: f32):
// CHECK-NEXT:        %[[PROD:.+]] = arith.mulf %[[A]], %[[WV]] : f32
// CHECK-NEXT:        %[[SUM:.+]] = arith.addf %[[ACC]], %[[PROD]] : f32
// CHECK-NEXT:        linalg.yield %[[SUM]] : f32
// CHECK:         %[[XWB:.+]] = linalg.generic {indexing_maps = [#[[$ID2]], #[[$BIAS_MAP]], #[[$ID2]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME:        ins(%[[XW]], %[[B]] : tensor<1x12xf32>, tensor<12xf32>)
// CHECK:           arith.addf
// CHECK:         %[[Y:.+]] = tensor.collapse_shape %[[XWB]] {{\[}}[0, 1]] : tensor<1x12xf32> into tensor<12xf32>
// CHECK:         return %[[Y]] : tensor<12xf32>
func.func @linear_rank1(%x: tensor<16xf32>, %w: tensor<12x16xf32>,
    %b: tensor<12xf32>) -> tensor<12xf32> {
  %y = s2s.linear %x, %w, %b
      : (tensor<16xf32>, tensor<12x16xf32>, tensor<12xf32>) -> tensor<12xf32>
  return %y : tensor<12xf32>
}

// -----

/// A rank-2 input needs no reshape; without a bias the contraction is the
/// result.
// CHECK-LABEL: func.func @linear_rank2_no_bias(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x16xf32>,
// CHECK-SAME:      %[[W:[a-zA-Z0-9_]+]]: tensor<12x16xf32>)
// CHECK-NOT:     tensor.expand_shape
// CHECK-NOT:     tensor.collapse_shape
// CHECK:         %[[Y:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:        ins(%[[X]], %[[W]] : tensor<5x16xf32>, tensor<12x16xf32>)
// CHECK-NOT:     linalg.generic
// CHECK:         return %[[Y]] : tensor<5x12xf32>
func.func @linear_rank2_no_bias(%x: tensor<5x16xf32>, %w: tensor<12x16xf32>)
    -> tensor<5x12xf32> {
  %y = s2s.linear %x, %w : (tensor<5x16xf32>, tensor<12x16xf32>) -> tensor<5x12xf32>
  return %y : tensor<5x12xf32>
}

// -----

/// The leading dimensions of a rank-3 input are collapsed into one and
/// expanded again after the contraction.
// CHECK-LABEL: func.func @linear_rank3(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<2x5x16xf32>,
// CHECK-SAME:      %[[W:[a-zA-Z0-9_]+]]: tensor<12x16xf32>,
// CHECK-SAME:      %[[B:[a-zA-Z0-9_]+]]: tensor<12xf32>)
// CHECK:         %[[X2:.+]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1], [2]] : tensor<2x5x16xf32> into tensor<10x16xf32>
// CHECK:         %[[XW:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:        ins(%[[X2]], %[[W]] : tensor<10x16xf32>, tensor<12x16xf32>)
// CHECK:         %[[XWB:.+]] = linalg.generic {{.+}} ins(%[[XW]], %[[B]] : tensor<10x12xf32>, tensor<12xf32>)
// CHECK:         %[[Y:.+]] = tensor.expand_shape %[[XWB]] {{\[}}[0, 1], [2]] output_shape [2, 5, 12] : tensor<10x12xf32> into tensor<2x5x12xf32>
// CHECK:         return %[[Y]] : tensor<2x5x12xf32>
func.func @linear_rank3(%x: tensor<2x5x16xf32>, %w: tensor<12x16xf32>,
    %b: tensor<12xf32>) -> tensor<2x5x12xf32> {
  %y = s2s.linear %x, %w, %b
      : (tensor<2x5x16xf32>, tensor<12x16xf32>, tensor<12xf32>)
      -> tensor<2x5x12xf32>
  return %y : tensor<2x5x12xf32>
}

// -----

//===----------------------------------------------------------------------===//
// s2s.layer_norm
//===----------------------------------------------------------------------===//

/// x is viewed as [M, N] = [10, 16]: a row sum, x - sum/N, a row sum of
/// squares, then (x - mean) * rsqrt(var + eps) * gamma + beta with the biased
/// variance (divided by N).
// CHECK-DAG: #[[$ID2:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$ROW:.+]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[$COL:.+]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @layer_norm(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<2x5x16xf32>,
// CHECK-SAME:      %[[GAMMA:[a-zA-Z0-9_]+]]: tensor<16xf32>,
// CHECK-SAME:      %[[BETA:[a-zA-Z0-9_]+]]: tensor<16xf32>)
// CHECK:         %[[X2:.+]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1], [2]] : tensor<2x5x16xf32> into tensor<10x16xf32>
// CHECK:         %[[N:.+]] = arith.constant 1.600000e+01 : f32
// CHECK:         %[[SUM:.+]] = linalg.generic {indexing_maps = [#[[$ID2]], #[[$ROW]]], iterator_types = ["parallel", "reduction"]}
// CHECK-SAME:        ins(%[[X2]] : tensor<10x16xf32>) outs(%{{.+}} : tensor<10xf32>)
// CHECK:           arith.addf
// CHECK:         %[[CENTERED:.+]] = linalg.generic {indexing_maps = [#[[$ID2]], #[[$ROW]], #[[$ID2]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME:        ins(%[[X2]], %[[SUM]] : tensor<10x16xf32>, tensor<10xf32>)
// CHECK-NEXT:      ^bb0(%[[XV:[a-zA-Z0-9_]+]]: f32, %[[SV:[a-zA-Z0-9_]+]]: f32,
// CHECK-NEXT:        %[[MEAN:.+]] = arith.divf %[[SV]], %[[N]] : f32
// CHECK-NEXT:        %[[DIFF:.+]] = arith.subf %[[XV]], %[[MEAN]] : f32
// CHECK:         %[[SQUARES:.+]] = linalg.generic {indexing_maps = [#[[$ID2]], #[[$ROW]]], iterator_types = ["parallel", "reduction"]}
// CHECK-SAME:        ins(%[[CENTERED]] : tensor<10x16xf32>)
// CHECK-NEXT:      ^bb0(%[[CV:[a-zA-Z0-9_]+]]: f32, %[[ACC:[a-zA-Z0-9_]+]]: f32):
// CHECK-NEXT:        %[[SQ:.+]] = arith.mulf %[[CV]], %[[CV]] : f32
// CHECK-NEXT:        arith.addf %[[SQ]], %[[ACC]] : f32
// CHECK:         %[[EPS:.+]] = arith.constant 1.000000e-03 : f32
// CHECK:         %[[Y2:.+]] = linalg.generic {indexing_maps = [#[[$ID2]], #[[$ROW]], #[[$COL]], #[[$COL]], #[[$ID2]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME:        ins(%[[CENTERED]], %[[SQUARES]], %[[GAMMA]], %[[BETA]] : tensor<10x16xf32>, tensor<10xf32>, tensor<16xf32>, tensor<16xf32>)
// CHECK-NEXT:      ^bb0(%[[C:[a-zA-Z0-9_]+]]: f32, %[[SS:[a-zA-Z0-9_]+]]: f32, %[[G:[a-zA-Z0-9_]+]]: f32, %[[BT:[a-zA-Z0-9_]+]]: f32,
// CHECK-NEXT:        %[[VAR:.+]] = arith.divf %[[SS]], %[[N]] : f32
// CHECK-NEXT:        %[[VAR_EPS:.+]] = arith.addf %[[VAR]], %[[EPS]] : f32
// CHECK-NEXT:        %[[RSTD:.+]] = math.rsqrt %[[VAR_EPS]] : f32
// CHECK-NEXT:        %[[NORM:.+]] = arith.mulf %[[C]], %[[RSTD]] : f32
// CHECK-NEXT:        %[[SCALED:.+]] = arith.mulf %[[NORM]], %[[G]] : f32
// CHECK-NEXT:        %[[SHIFTED:.+]] = arith.addf %[[SCALED]], %[[BT]] : f32
// CHECK-NEXT:        linalg.yield %[[SHIFTED]] : f32
// CHECK:         %[[Y:.+]] = tensor.expand_shape %[[Y2]] {{\[}}[0, 1], [2]] output_shape [2, 5, 16] : tensor<10x16xf32> into tensor<2x5x16xf32>
// CHECK:         return %[[Y]] : tensor<2x5x16xf32>
func.func @layer_norm(%x: tensor<2x5x16xf32>, %gamma: tensor<16xf32>,
    %beta: tensor<16xf32>) -> tensor<2x5x16xf32> {
  %y = s2s.layer_norm %x weight(%gamma) bias(%beta) normalized_shape([16])
      eps(1.0e-3)
      : (tensor<2x5x16xf32>, tensor<16xf32>, tensor<16xf32>)
      -> tensor<2x5x16xf32>
  return %y : tensor<2x5x16xf32>
}

// -----

/// Normalizing over the last two dimensions views x as [2, 80] and the
/// weight as [80]; without a bias no addition follows the scaling.
// CHECK-LABEL: func.func @layer_norm_two_dims(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<2x5x16xf32>,
// CHECK-SAME:      %[[GAMMA:[a-zA-Z0-9_]+]]: tensor<5x16xf32>)
// CHECK-DAG:     %[[X2:.+]] = tensor.collapse_shape %[[X]] {{\[}}[0], [1, 2]] : tensor<2x5x16xf32> into tensor<2x80xf32>
// CHECK-DAG:     %[[GAMMA1:.+]] = tensor.collapse_shape %[[GAMMA]] {{\[}}[0, 1]] : tensor<5x16xf32> into tensor<80xf32>
// CHECK-DAG:     %[[N:.+]] = arith.constant 8.000000e+01 : f32
// CHECK-DAG:     %[[EPS:.+]] = arith.constant 9.99999974E-6 : f32
// CHECK:         %[[Y2:.+]] = linalg.generic {{.+}} ins(%{{.+}}, %{{.+}}, %[[GAMMA1]] : tensor<2x80xf32>, tensor<2xf32>, tensor<80xf32>)
// CHECK:           math.rsqrt
// CHECK-NEXT:      %[[NORM:.+]] = arith.mulf
// CHECK-NEXT:      %[[SCALED:.+]] = arith.mulf %[[NORM]], %{{.+}} : f32
// CHECK-NEXT:      linalg.yield %[[SCALED]] : f32
// CHECK:         %[[Y:.+]] = tensor.expand_shape %[[Y2]] {{\[}}[0], [1, 2]] output_shape [2, 5, 16] : tensor<2x80xf32> into tensor<2x5x16xf32>
// CHECK:         return %[[Y]]
func.func @layer_norm_two_dims(%x: tensor<2x5x16xf32>, %gamma: tensor<5x16xf32>)
    -> tensor<2x5x16xf32> {
  %y = s2s.layer_norm %x weight(%gamma) normalized_shape([5, 16])
      : (tensor<2x5x16xf32>, tensor<5x16xf32>) -> tensor<2x5x16xf32>
  return %y : tensor<2x5x16xf32>
}

// -----

/// normalized_shape covering every dimension: x is one row, [1, N], and the
/// result is reshaped back to the input shape.
// CHECK-LABEL: func.func @layer_norm_all_dims(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<4x5xf32>)
// CHECK:         %[[FLAT:.+]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1]] : tensor<4x5xf32> into tensor<20xf32>
// CHECK:         %[[ROW:.+]] = tensor.expand_shape %[[FLAT]] {{\[}}[0, 1]] output_shape [1, 20] : tensor<20xf32> into tensor<1x20xf32>
// CHECK:         %[[SUM:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "reduction"]
// CHECK-SAME:        ins(%[[ROW]] : tensor<1x20xf32>) outs(%{{.+}} : tensor<1xf32>)
// CHECK:         %[[CENTERED:.+]] = linalg.generic {{.+}} ins(%[[ROW]], %[[SUM]] : tensor<1x20xf32>, tensor<1xf32>)
// CHECK:         %[[SQUARES:.+]] = linalg.generic {{.+}} ins(%[[CENTERED]] : tensor<1x20xf32>)
// CHECK:         %[[Y2:.+]] = linalg.generic {{.+}} ins(%[[CENTERED]], %[[SQUARES]] : tensor<1x20xf32>, tensor<1xf32>)
// CHECK:           math.rsqrt
// CHECK:         %[[Y1:.+]] = tensor.collapse_shape %[[Y2]] {{\[}}[0, 1]] : tensor<1x20xf32> into tensor<20xf32>
// CHECK:         %[[Y:.+]] = tensor.expand_shape %[[Y1]] {{\[}}[0, 1]] output_shape [4, 5] : tensor<20xf32> into tensor<4x5xf32>
// CHECK:         return %[[Y]] : tensor<4x5xf32>
func.func @layer_norm_all_dims(%x: tensor<4x5xf32>) -> tensor<4x5xf32> {
  %y = s2s.layer_norm %x normalized_shape([4, 5])
      : (tensor<4x5xf32>) -> tensor<4x5xf32>
  return %y : tensor<4x5xf32>
}

// -----

/// A rank-1 input normalized over its only dimension: no collapse is needed
/// before the [1, N] view, and no expand after the row is collapsed back.
// CHECK-LABEL: func.func @layer_norm_rank1(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<16xf32>,
// CHECK-SAME:      %[[GAMMA:[a-zA-Z0-9_]+]]: tensor<16xf32>)
// CHECK:         %[[ROW:.+]] = tensor.expand_shape %[[X]] {{\[}}[0, 1]] output_shape [1, 16] : tensor<16xf32> into tensor<1x16xf32>
// CHECK:         %[[Y2:.+]] = linalg.generic {{.+}} ins(%{{.+}}, %{{.+}}, %[[GAMMA]] : tensor<1x16xf32>, tensor<1xf32>, tensor<16xf32>)
// CHECK:         %[[Y:.+]] = tensor.collapse_shape %[[Y2]] {{\[}}[0, 1]] : tensor<1x16xf32> into tensor<16xf32>
// CHECK-NEXT:    return %[[Y]] : tensor<16xf32>
func.func @layer_norm_rank1(%x: tensor<16xf32>, %gamma: tensor<16xf32>)
    -> tensor<16xf32> {
  %y = s2s.layer_norm %x weight(%gamma) normalized_shape([16])
      : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
  return %y : tensor<16xf32>
}

// -----

//===----------------------------------------------------------------------===//
// s2s.embedding
//===----------------------------------------------------------------------===//

/// One generic over [7, 3, 8] reads the token at (d0, d1), clamps it to
/// [0, V-1] so that a bad id cannot read out of bounds, and extracts
/// table[token, d2].
// CHECK-DAG: #[[$TOKEN_MAP:.+]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[$ID3:.+]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @embedding(
// CHECK-SAME:      %[[TOKENS:[a-zA-Z0-9_]+]]: tensor<7x3xi64>,
// CHECK-SAME:      %[[TABLE:[a-zA-Z0-9_]+]]: tensor<20x8xf32>)
// CHECK:         %[[EMB:.+]] = linalg.generic {indexing_maps = [#[[$TOKEN_MAP]], #[[$ID3]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME:        ins(%[[TOKENS]] : tensor<7x3xi64>) outs(%{{.+}} : tensor<7x3x8xf32>)
// CHECK-NEXT:      ^bb0(%[[TOKEN:[a-zA-Z0-9_]+]]: i64, %{{.+}}: f32):
// CHECK-NEXT:        %[[ROW:.+]] = arith.index_cast %[[TOKEN]] : i64 to index
// CHECK-DAG:         %[[LO:.+]] = arith.constant 0 : index
// CHECK-DAG:         %[[HI:.+]] = arith.constant 19 : index
// CHECK:             %[[AT_LEAST_0:.+]] = arith.maxsi %[[ROW]], %[[LO]] : index
// CHECK-NEXT:        %[[CLAMPED:.+]] = arith.minsi %[[AT_LEAST_0]], %[[HI]] : index
// CHECK-NEXT:        %[[COL:.+]] = linalg.index 2 : index
// CHECK-NEXT:        %[[V:.+]] = tensor.extract %[[TABLE]][%[[CLAMPED]], %[[COL]]] : tensor<20x8xf32>
// CHECK-NEXT:        linalg.yield %[[V]] : f32
// CHECK:         return %[[EMB]] : tensor<7x3x8xf32>
func.func @embedding(%tokens: tensor<7x3xi64>, %table: tensor<20x8xf32>)
    -> tensor<7x3x8xf32> {
  %emb = s2s.embedding %tokens, %table
      : (tensor<7x3xi64>, tensor<20x8xf32>) -> tensor<7x3x8xf32>
  return %emb : tensor<7x3x8xf32>
}

// -----

//===----------------------------------------------------------------------===//
// s2s.argmax
//===----------------------------------------------------------------------===//

/// One generic with two outputs, the running maximum (from -inf) and its
/// index (from linalg.index of the reduced dimension); both are updated by the
/// same condition. Only the index is returned. The index starts at INT64_MAX
/// so that "equal with a smaller index" takes the first element of a row of
/// -inf (a wrong start, e.g. INT64_MIN, would return it for such a row).
// CHECK-DAG: #[[$ID2:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$ROW:.+]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @argmax(
// CHECK-SAME:      %[[LOGITS:[a-zA-Z0-9_]+]]: tensor<3x15xf32>)
// CHECK:         %[[NEG_INF:.+]] = arith.constant 0xFF800000 : f32
// CHECK:         %[[BEST_INIT:.+]] = linalg.fill ins(%[[NEG_INF]] : f32) outs(%{{.+}} : tensor<3xf32>)
// CHECK:         %[[NO_INDEX:.+]] = arith.constant 9223372036854775807 : i64
// CHECK:         %[[INDEX_INIT:.+]] = linalg.fill ins(%[[NO_INDEX]] : i64) outs(%{{.+}} : tensor<3xi64>)
// CHECK:         %[[RES:.+]]:2 = linalg.generic {indexing_maps = [#[[$ID2]], #[[$ROW]], #[[$ROW]]], iterator_types = ["parallel", "reduction"]}
// CHECK-SAME:        ins(%[[LOGITS]] : tensor<3x15xf32>) outs(%[[BEST_INIT]], %[[INDEX_INIT]] : tensor<3xf32>, tensor<3xi64>)
// CHECK-NEXT:      ^bb0(%[[X:[a-zA-Z0-9_]+]]: f32, %[[BEST:[a-zA-Z0-9_]+]]: f32, %[[BEST_INDEX:[a-zA-Z0-9_]+]]: i64):
// CHECK-NEXT:        %[[J_INDEX:.+]] = linalg.index 1 : index
// CHECK-NEXT:        %[[J:.+]] = arith.index_cast %[[J_INDEX]] : index to i64
// CHECK:             arith.cmpf ogt, %[[X]], %[[BEST]] : f32
// CHECK:             arith.cmpf oeq, %[[X]], %[[BEST]] : f32
// CHECK:             arith.cmpi slt, %[[J]], %[[BEST_INDEX]] : i64
// CHECK:             %[[TAKE:.+]] = arith.ori
// CHECK-NEXT:        %[[NEW_BEST:.+]] = arith.select %[[TAKE]], %[[X]], %[[BEST]] : f32
// CHECK-NEXT:        %[[NEW_INDEX:.+]] = arith.select %[[TAKE]], %[[J]], %[[BEST_INDEX]] : i64
// CHECK-NEXT:        linalg.yield %[[NEW_BEST]], %[[NEW_INDEX]] : f32, i64
// CHECK:         return %[[RES]]#1 : tensor<3xi64>
func.func @argmax(%logits: tensor<3x15xf32>) -> tensor<3xi64> {
  %token = s2s.argmax %logits dim(1) : (tensor<3x15xf32>) -> tensor<3xi64>
  return %token : tensor<3xi64>
}

// -----

/// dim(-2) of a rank-3 input reduces the middle loop; keepdim restores the
/// unit dimension with an expand_shape that joins it to its left neighbour.
// CHECK-DAG: #[[$ID3:.+]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[$OUT_MAP:.+]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-LABEL: func.func @argmax_keepdim(
// CHECK:         %[[RES:.+]]:2 = linalg.generic {indexing_maps = [#[[$ID3]], #[[$OUT_MAP]], #[[$OUT_MAP]]], iterator_types = ["parallel", "reduction", "parallel"]}
// CHECK:           linalg.index 1 : index
// CHECK:         %[[IDX:.+]] = tensor.expand_shape %[[RES]]#1 {{\[}}[0, 1], [2]] output_shape [2, 1, 5] : tensor<2x5xi64> into tensor<2x1x5xi64>
// CHECK:         return %[[IDX]] : tensor<2x1x5xi64>
func.func @argmax_keepdim(%x: tensor<2x7x5xf32>) -> tensor<2x1x5xi64> {
  %idx = s2s.argmax %x dim(-2) keepdim
      : (tensor<2x7x5xf32>) -> tensor<2x1x5xi64>
  return %idx : tensor<2x1x5xi64>
}

// -----

/// With keepdim on dimension 0 the unit dimension joins its right neighbour.
// CHECK-LABEL: func.func @argmax_keepdim_dim0(
// CHECK:         %[[RES:.+]]:2 = linalg.generic {{.+}} iterator_types = ["reduction", "parallel"]
// CHECK:           linalg.index 0 : index
// CHECK:         %[[IDX:.+]] = tensor.expand_shape %[[RES]]#1 {{\[}}[0, 1]] output_shape [1, 5] : tensor<5xi64> into tensor<1x5xi64>
// CHECK:         return %[[IDX]] : tensor<1x5xi64>
func.func @argmax_keepdim_dim0(%x: tensor<7x5xf32>) -> tensor<1x5xi64> {
  %idx = s2s.argmax %x dim(0) keepdim : (tensor<7x5xf32>) -> tensor<1x5xi64>
  return %idx : tensor<1x5xi64>
}

// -----

//===----------------------------------------------------------------------===//
// s2s.log_softmax, s2s.top_k, s2s.index_select
//===----------------------------------------------------------------------===//

/// Three generics along the normalized dimension (here dim 0, the outer
/// one): the maximum (from -inf, NaN-propagating), the sum of exp(x - max)
/// (from 0), then x - max - log(sum).
// CHECK-DAG: #[[$ID2:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$COL:.+]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @log_softmax(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3xf32>)
// CHECK:         %[[MAX:.+]] = linalg.generic {indexing_maps = [#[[$ID2]], #[[$COL]]], iterator_types = ["reduction", "parallel"]}
// CHECK-SAME:        ins(%[[X]] : tensor<5x3xf32>)
// CHECK:           arith.maximumf
// CHECK:         %[[SUM:.+]] = linalg.generic {indexing_maps = [#[[$ID2]], #[[$COL]], #[[$COL]]], iterator_types = ["reduction", "parallel"]}
// CHECK-SAME:        ins(%[[X]], %[[MAX]] : tensor<5x3xf32>, tensor<3xf32>)
// CHECK:           arith.subf
// CHECK:           math.exp
// CHECK:           arith.addf
// CHECK:         %[[Y:.+]] = linalg.generic {indexing_maps = [#[[$ID2]], #[[$COL]], #[[$COL]], #[[$ID2]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME:        ins(%[[X]], %[[MAX]], %[[SUM]] : tensor<5x3xf32>, tensor<3xf32>, tensor<3xf32>)
// CHECK:           %[[SHIFTED:.+]] = arith.subf
// CHECK:           %[[LOG:.+]] = math.log
// CHECK:           arith.subf %[[SHIFTED]], %[[LOG]]
// CHECK:         return %[[Y]]
func.func @log_softmax(%x: tensor<5x3xf32>) -> tensor<5x3xf32> {
  %y = s2s.log_softmax %x dim(0) : (tensor<5x3xf32>) -> tensor<5x3xf32>
  return %y : tensor<5x3xf32>
}

// -----

/// A loop over the k ranks: round r reduces the row to the first element (in
/// argmax's order) after the one round r - 1 took, starting after (NaN, -1),
/// and inserts it at r. The loop carries the results and the last taken.
// CHECK-LABEL: func.func @top_k(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<2x60xf32>)
// CHECK-DAG:     %[[NAN:.+]] = arith.constant 0x7FC00000 : f32
// CHECK-DAG:     %[[MINUS1:.+]] = arith.constant -1 : i64
// CHECK-DAG:     %[[K:.+]] = arith.constant 4 : index
// CHECK:         %[[RES:.+]]:4 = scf.for %[[R:.+]] = %{{.+}} to %[[K]] step %{{.+}} iter_args(%[[VALUES:.+]] = %{{.+}}, %[[INDICES:.+]] = %{{.+}}, %[[AFTER:.+]] = %{{.+}}, %[[AFTER_INDEX:.+]] = %{{.+}}) -> (tensor<2x4xf32>, tensor<2x4xi64>, tensor<2xf32>, tensor<2xi64>) {
// CHECK:           %[[BEST:.+]]:2 = linalg.generic {{.+}} iterator_types = ["parallel", "reduction"]
// CHECK-SAME:          ins(%[[X]], %[[AFTER]], %[[AFTER_INDEX]] : tensor<2x60xf32>, tensor<2xf32>, tensor<2xi64>)
// CHECK:           %[[V:.+]] = tensor.insert_slice %[[BEST]]#0 into %[[VALUES]][0, %[[R]]] [2, 1] [1, 1]
// CHECK:           %[[I:.+]] = tensor.insert_slice %[[BEST]]#1 into %[[INDICES]][0, %[[R]]] [2, 1] [1, 1]
// CHECK:           scf.yield %[[V]], %[[I]], %[[BEST]]#0, %[[BEST]]#1
// CHECK:         return %[[RES]]#0, %[[RES]]#1
func.func @top_k(%x: tensor<2x60xf32>) -> (tensor<2x4xf32>, tensor<2x4xi64>) {
  %v, %i = s2s.top_k %x k(4) dim(1)
      : (tensor<2x60xf32>) -> (tensor<2x4xf32>, tensor<2x4xi64>)
  return %v, %i : tensor<2x4xf32>, tensor<2x4xi64>
}

// -----

/// One generic over the result: the index at the selected position, clamped
/// to [0, N - 1], replaces that coordinate of a tensor.extract.
// CHECK-DAG: #[[$SEL:.+]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @index_select(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<4x128xf32>, %[[IDX:[a-zA-Z0-9_]+]]: tensor<8xi64>)
// CHECK:         %[[Y:.+]] = linalg.generic {indexing_maps = [#[[$SEL]], #{{.+}}], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME:        ins(%[[IDX]] : tensor<8xi64>) outs(%{{.+}} : tensor<8x128xf32>)
// CHECK:           %[[ROW:.+]] = arith.index_cast
// CHECK:           %[[LOW:.+]] = arith.maxsi %[[ROW]],
// CHECK:           %[[ROW_OK:.+]] = arith.minsi %[[LOW]], %c3
// CHECK:           %[[COL:.+]] = linalg.index 1 : index
// CHECK:           tensor.extract %[[X]][%[[ROW_OK]], %[[COL]]] : tensor<4x128xf32>
// CHECK:         return %[[Y]]
func.func @index_select(%x: tensor<4x128xf32>, %idx: tensor<8xi64>)
    -> tensor<8x128xf32> {
  %y = s2s.index_select %x, %idx dim(0)
      : (tensor<4x128xf32>, tensor<8xi64>) -> tensor<8x128xf32>
  return %y : tensor<8x128xf32>
}

// -----

/// A KV cache append is a tensor.insert_slice at the clamped position (in
/// place once bufferized) and a tensor.extract_slice of the valid prefix.
// CHECK-LABEL: func.func @kv_cache_append(
// CHECK-SAME:      %[[NEW:[a-zA-Z0-9_]+]]: tensor<1x2x1x8xf32>, %[[CACHE:[a-zA-Z0-9_]+]]: tensor<1x2x64x8xf32>, %[[POS:[a-zA-Z0-9_]+]]: index)
// CHECK-DAG:     %[[LAST:.+]] = arith.constant 63 : index
// CHECK:         %[[HIGH:.+]] = arith.minsi %[[POS]], %[[LAST]] : index
// CHECK:         %[[AT:.+]] = arith.maxsi %[[HIGH]], %{{.+}} : index
// CHECK:         %[[OUT:.+]] = tensor.insert_slice %[[NEW]] into %[[CACHE]][0, 0, %[[AT]], 0] [1, 2, 1, 8] [1, 1, 1, 1]
// CHECK:         %[[LEN:.+]] = arith.addi %[[AT]], %c1 : index
// CHECK:         %[[VALID:.+]] = tensor.extract_slice %[[OUT]][0, 0, 0, 0] [1, 2, %[[LEN]], 8] [1, 1, 1, 1]
// CHECK:         return %[[OUT]], %[[VALID]]
func.func @kv_cache_append(%new: tensor<1x2x1x8xf32>,
                           %cache: tensor<1x2x64x8xf32>, %pos: index)
    -> (tensor<1x2x64x8xf32>, tensor<1x2x?x8xf32>) {
  %out, %valid = s2s.kv_cache_append %new into %cache at(%pos) dim(2)
      : (tensor<1x2x1x8xf32>, tensor<1x2x64x8xf32>, index)
      -> (tensor<1x2x64x8xf32>, tensor<1x2x?x8xf32>)
  return %out, %valid : tensor<1x2x64x8xf32>, tensor<1x2x?x8xf32>
}

// -----

/// ONNX's LSTM extensions: the peepholes [3, H] (i, f, o) are read at rows
/// 0..2 and add p * c to the gates, the output gate's with the new cell
/// state; clip clamps every gate pre-activation to [-3, 3].
// CHECK-DAG:   #[[$P_I:.+]] = affine_map<(d0, d1) -> (0, d1)>
// CHECK-DAG:   #[[$P_F:.+]] = affine_map<(d0, d1) -> (1, d1)>
// CHECK-DAG:   #[[$P_O:.+]] = affine_map<(d0, d1) -> (2, d1)>
// CHECK-LABEL: func.func @lstm_peepholes_clip(
// CHECK:         scf.for
// CHECK:           %[[P:.+]] = tensor.expand_shape %{{.+}} {{\[}}[0, 1]] output_shape [3, 6] : tensor<18xf32> into tensor<3x6xf32>
// CHECK:           linalg.generic
// CHECK-SAME:          #[[$P_I]], #[[$P_F]], #[[$P_O]]
// CHECK-SAME:          ins({{.+}}, %[[C_OLD:[^,]+]], %[[P]], %[[P]], %[[P]] :
// CHECK-NEXT:      ^bb0(%[[XI:[a-zA-Z0-9_]+]]: f32, %[[XF:[a-zA-Z0-9_]+]]: f32, %[[XG:[a-zA-Z0-9_]+]]: f32, %[[XO:[a-zA-Z0-9_]+]]: f32, %[[HI:[a-zA-Z0-9_]+]]: f32, %[[HF:[a-zA-Z0-9_]+]]: f32, %[[HG:[a-zA-Z0-9_]+]]: f32, %[[HO:[a-zA-Z0-9_]+]]: f32, %[[C:[a-zA-Z0-9_]+]]: f32, %[[PI:[a-zA-Z0-9_]+]]: f32, %[[PF:[a-zA-Z0-9_]+]]: f32, %[[PO:[a-zA-Z0-9_]+]]: f32,
// CHECK-NEXT:        %[[I_SUM:.+]] = arith.addf %[[XI]], %[[HI]] : f32
// CHECK-NEXT:        %[[I_PEEP:.+]] = arith.mulf %[[PI]], %[[C]] : f32
// CHECK-NEXT:        %[[I_PRE:.+]] = arith.addf %[[I_SUM]], %[[I_PEEP]] : f32
// CHECK-NEXT:        %[[HI_CLIP:.+]] = arith.constant 3.000000e+00 : f32
// CHECK-NEXT:        %[[LO_CLIP:.+]] = arith.constant -3.000000e+00 : f32
// CHECK-NEXT:        %[[LO:.+]] = arith.maximumf %[[I_PRE]], %[[LO_CLIP]] : f32
// CHECK-NEXT:        %{{.+}} = arith.minimumf %[[LO]], %[[HI_CLIP]] : f32
// CHECK:             arith.mulf %[[PF]], %[[C]] : f32
// CHECK:             %[[FC:.+]] = arith.mulf %{{.+}}, %[[C]] : f32
// CHECK-NEXT:        %[[IG:.+]] = arith.mulf
// CHECK-NEXT:        %[[C_NEXT:.+]] = arith.addf %[[FC]], %[[IG]] : f32
// CHECK-NEXT:        %[[O_SUM:.+]] = arith.addf %[[XO]], %[[HO]] : f32
// CHECK-NEXT:        %[[O_PEEP:.+]] = arith.mulf %[[PO]], %[[C_NEXT]] : f32
// CHECK:             linalg.yield %{{.+}}, %[[C_NEXT]] : f32, f32
func.func @lstm_peepholes_clip(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x24x4xf32>,
    %w_hh: tensor<1x24x6xf32>, %p: tensor<1x18xf32>)
    -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh peepholes(%p) hidden_size(6)
      clip(3.0)
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>,
         tensor<1x18xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n, %c_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>,
      tensor<1x3x6xf32>
}

// -----

/// clip on a GRU and an RNN clamps their gate pre-activations too.
// CHECK-LABEL: func.func @gru_rnn_clip(
// CHECK:         linalg.generic
// CHECK:           %[[LO:.+]] = arith.constant -5.000000e-01 : f32
// CHECK:           arith.maximumf %{{.+}}, %[[LO]] : f32
// CHECK:           arith.minimumf
// CHECK:           math.tanh
// CHECK:         linalg.generic
// CHECK:           %[[GLO:.+]] = arith.constant -2.000000e+00 : f32
// CHECK:           arith.maximumf %{{.+}}, %[[GLO]] : f32
// CHECK:           arith.minimumf
func.func @gru_rnn_clip(%x: tensor<5x3x4xf32>, %rw_ih: tensor<1x6x4xf32>,
    %rw_hh: tensor<1x6x6xf32>, %gw_ih: tensor<1x18x4xf32>,
    %gw_hh: tensor<1x18x6xf32>) -> (tensor<5x3x6xf32>, tensor<5x3x6xf32>) {
  %ry, %rh = s2s.rnn %x, %rw_ih, %rw_hh hidden_size(6) clip(0.5)
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  %gy, %gh = s2s.gru %x, %gw_ih, %gw_hh hidden_size(6) clip(2.0)
      : (tensor<5x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %ry, %gy : tensor<5x3x6xf32>, tensor<5x3x6xf32>
}

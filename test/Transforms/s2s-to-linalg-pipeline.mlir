// RUN: s2s-opt %s --s2s-to-linalg-pipeline="hoist-rnn-input=false fuse-rnn-steps=false" -split-input-file | FileCheck %s
// RUN: s2s-opt %s --s2s-to-linalg-pipeline -split-input-file | FileCheck %s --check-prefix=HOIST

// The pipeline is s2s-hoist-rnn-input (unless switched off), then
// convert-s2s-to-linalg, canonicalize and cse; the CHECK lines cover what
// the clean-up changes in the lowered IR, the HOIST lines what the hoisting
// changes.

/// Hoisted: one contraction of all of x before the loop, one (with W_hh) in
/// it.
// HOIST-LABEL: func.func @rnn_forward(
// HOIST:         %[[XG:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "reduction"]
// HOIST-SAME:        tensor<15x4xf32>, tensor<6x4xf32>
// HOIST:         scf.for
// HOIST:           tensor.extract_slice %{{.+}}[%{{.+}}, 0, 0] [1, 3, 6]
// HOIST:           linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "reduction"]
// HOIST-NOT:       iterator_types = ["parallel", "parallel", "reduction"]
// HOIST:           scf.yield

/// No s2s op is left, the unused T-1 constant of the forward direction is
/// gone, the zero constant and its fill are shared: the zero initial state and
/// both contraction accumulators in the loop are one linalg.fill.
// CHECK-LABEL: func.func @rnn_forward(
// CHECK-NOT:     s2s.
// CHECK-NOT:     arith.constant 4 : index
// CHECK:         %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK-NOT:     arith.constant 0.000000e+00 : f32
// CHECK:         %[[FILL:.+]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.+}} : tensor<3x6xf32>)
// CHECK:         scf.for {{.+}} iter_args(%[[H:[a-zA-Z0-9_]+]] = %[[FILL]],
// CHECK-NOT:       linalg.fill
// CHECK:           linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:          outs(%[[FILL]] : tensor<3x6xf32>)
// CHECK:           linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:          ins(%[[H]], %{{.+}}) outs(%[[FILL]] : tensor<3x6xf32>)
// CHECK:           math.tanh
// CHECK:           scf.yield
// CHECK-NOT:     s2s.
func.func @rnn_forward(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// -----

/// The reverse direction keeps T-1 for its time index.
// CHECK-LABEL: func.func @rnn_reverse(
// CHECK:         %[[C4:.+]] = arith.constant 4 : index
// CHECK:         scf.for %[[IV:[a-zA-Z0-9_]+]] =
// CHECK:           arith.subi %[[C4]], %[[IV]] : index
func.func @rnn_reverse(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh hidden_size(6) direction reverse
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// -----

/// s2s.attention scales its scores by 1: the multiplication folds away and
/// the now-identity generic is erased, so the row maximum reads the score
/// contraction directly.
// CHECK-LABEL: func.func @attention_unit_scale_folded(
// CHECK:         %[[SCORES:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "parallel", "reduction"]
// CHECK-NEXT:      ^bb0(
// CHECK-NEXT:        arith.mulf
// CHECK-NEXT:        arith.addf
// CHECK-NEXT:        linalg.yield
// CHECK-NEXT:    } -> tensor<2x3x5xf32>
// CHECK-NEXT:    %{{.+}} = tensor.empty() : tensor<2x3xf32>
// CHECK-NEXT:    %{{.+}} = linalg.fill
// CHECK-NEXT:    %{{.+}} = linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[SCORES]] : tensor<2x3x5xf32>)
// CHECK-NEXT:      ^bb0(
// CHECK-NEXT:        arith.maximumf
func.func @attention_unit_scale_folded(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %values: tensor<2x5x6xf32>)
    -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>) {
  %ctx, %weights = s2s.attention dot %query, %keys, %values
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x6xf32>)
      -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>)
  return %ctx, %weights : tensor<2x3x6xf32>, tensor<2x3x5xf32>
}

// -----

/// In self-attention the packed projection is one GEMM over one
/// collapse_shape of the input, N = 3E; q, k and v are its column thirds.
// CHECK-LABEL: func.func @mha_self_attention_shared_input(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<2x10x32xf32>,
// CHECK-SAME:      %[[W_IN:[a-zA-Z0-9_]+]]: tensor<96x32xf32>,
// CHECK:         %[[X2:.+]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1], [2]] : tensor<2x10x32xf32> into tensor<20x32xf32>
// CHECK:         %[[ALL:.+]] = linalg.generic {{.+}} ins(%[[X2]], %[[W_IN]] : tensor<20x32xf32>, tensor<96x32xf32>)
// CHECK-NOT:     tensor.collapse_shape %[[X]]
// CHECK-DAG:     tensor.extract_slice %[[ALL]][0, 0] [20, 32]
// CHECK-DAG:     tensor.extract_slice %[[ALL]][0, 32] [20, 32]
// CHECK-DAG:     tensor.extract_slice %[[ALL]][0, 64] [20, 32]
func.func @mha_self_attention_shared_input(%x: tensor<2x10x32xf32>,
    %w_in: tensor<96x32xf32>, %w_out: tensor<32x32xf32>)
    -> tensor<2x10x32xf32> {
  %out = s2s.multi_head_attention %x in_proj_weight(%w_in)
      out_proj_weight(%w_out) num_heads(4) batch_first
      : (tensor<2x10x32xf32>, tensor<96x32xf32>, tensor<32x32xf32>)
      -> tensor<2x10x32xf32>
  return %out : tensor<2x10x32xf32>
}

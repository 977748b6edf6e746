// RUN: s2s-opt %s --convert-s2s-to-linalg-tiled-attention -split-input-file | FileCheck %s --check-prefix=TILED
// RUN: s2s-opt %s --convert-s2s-to-linalg-fused-rnn="rnn-parallel-min-flops=0" -split-input-file | FileCheck %s --check-prefix=FUSED
// RUN: s2s-opt %s --convert-s2s-to-linalg-tiled-attention --convert-s2s-to-linalg-fused-rnn --convert-s2s-to-linalg -split-input-file \
// RUN:   -verify-diagnostics | FileCheck %s --check-prefix=ALL

// What the two passes that lower some ops with a schedule of their own take,
// and what they leave for convert-s2s-to-linalg: each takes its ops and no
// other; the three together lower everything but the op with a dynamic head
// size, which convert-s2s-to-linalg reports.
// ALL-NOT: s2s.

/// The tiled attention takes a scaled dot-product attention (its blocks are
/// an scf.forall); the fused step takes none of it.
// TILED-LABEL: func.func @sdpa(
// TILED-NOT:     s2s.
// TILED:         scf.forall
// TILED-NOT:     s2s.
// TILED:         return
// FUSED-LABEL: func.func @sdpa(
// FUSED:         s2s.scaled_dot_product_attention
func.func @sdpa(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x6x8xf32>,
    %v: tensor<1x2x6x8xf32>) -> tensor<1x2x4x8xf32> {
  %o = s2s.scaled_dot_product_attention %q, %k, %v
      : (tensor<1x2x4x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32>)
      -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

/// Ops that return the attention weights keep the full score matrix: the
/// tiled attention leaves them, and the s2s.linear beside them.
// TILED-LABEL: func.func @weights_wanted(
// TILED:         s2s.multi_head_attention {{.*}} need_weights
// TILED:         s2s.attention dot
// TILED:         s2s.linear
// TILED-NOT:     scf.forall
func.func @weights_wanted(%x: tensor<2x10x32xf32>, %w_in: tensor<96x32xf32>,
    %w_out: tensor<32x32xf32>, %q: tensor<2x3x8xf32>, %keys: tensor<2x5x8xf32>,
    %values: tensor<2x5x6xf32>, %w: tensor<4x6xf32>)
    -> (tensor<2x10x32xf32>, tensor<2x10x10xf32>, tensor<2x3x4xf32>,
        tensor<2x3x5xf32>) {
  %out, %avg = s2s.multi_head_attention %x in_proj_weight(%w_in)
      out_proj_weight(%w_out) num_heads(4) batch_first need_weights
      : (tensor<2x10x32xf32>, tensor<96x32xf32>, tensor<32x32xf32>)
      -> (tensor<2x10x32xf32>, tensor<2x10x10xf32>)
  %ctx, %weights = s2s.attention dot %q, %keys, %values
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x6xf32>)
      -> (tensor<2x3x6xf32>, tensor<2x3x5xf32>)
  %y = s2s.linear %ctx, %w
      : (tensor<2x3x6xf32>, tensor<4x6xf32>) -> tensor<2x3x4xf32>
  return %out, %avg, %y, %weights
      : tensor<2x10x32xf32>, tensor<2x10x10xf32>, tensor<2x3x4xf32>,
        tensor<2x3x5xf32>
}

// -----

/// The fused step takes a layer (an scf.for over time whose step is an
/// scf.forall over blocks of hidden units) and leaves a cell, which has no
/// steps to fuse; the tiled attention takes neither.
// FUSED-LABEL: func.func @layer_and_cell(
// FUSED:         scf.for
// FUSED:           scf.forall
// FUSED:         s2s.lstm_cell
// FUSED-NOT:     s2s.lstm {{.*}}hidden_size
// TILED-LABEL: func.func @layer_and_cell(
// TILED:         s2s.lstm
// TILED:         s2s.lstm_cell
func.func @layer_and_cell(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x28x4xf32>,
    %w_hh: tensor<1x28x7xf32>, %x1: tensor<3x4xf32>, %h: tensor<3x7xf32>,
    %c: tensor<3x7xf32>, %cell_w_ih: tensor<28x4xf32>,
    %cell_w_hh: tensor<28x7xf32>)
    -> (tensor<5x3x7xf32>, tensor<3x7xf32>, tensor<3x7xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh hidden_size(7)
      : (tensor<5x3x4xf32>, tensor<1x28x4xf32>, tensor<1x28x7xf32>)
      -> (tensor<5x3x7xf32>, tensor<1x3x7xf32>, tensor<1x3x7xf32>)
  %h1, %c1 = s2s.lstm_cell %x1, %h, %c, %cell_w_ih, %cell_w_hh
      : (tensor<3x4xf32>, tensor<3x7xf32>, tensor<3x7xf32>, tensor<28x4xf32>,
         tensor<28x7xf32>) -> (tensor<3x7xf32>, tensor<3x7xf32>)
  return %y, %h1, %c1 : tensor<5x3x7xf32>, tensor<3x7xf32>, tensor<3x7xf32>
}

// -----

/// A GRU without linear_before_reset has no fused step (its n-gate GEMM reads
/// r * h): the fused step leaves it.
// FUSED-LABEL: func.func @gru_reset_first(
// FUSED:         s2s.gru
func.func @gru_reset_first(%x: tensor<4x3x5xf32>, %w_ih: tensor<1x48x5xf32>,
    %w_hh: tensor<1x48x16xf32>) -> (tensor<4x3x16xf32>, tensor<1x3x16xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh hidden_size(16)
      linear_before_reset(false)
      : (tensor<4x3x5xf32>, tensor<1x48x5xf32>, tensor<1x48x16xf32>)
      -> (tensor<4x3x16xf32>, tensor<1x3x16xf32>)
  return %y, %h_n : tensor<4x3x16xf32>, tensor<1x3x16xf32>
}

// -----

/// An op whose lowering needs a dimension static that is dynamic (here the
/// head size) is left to convert-s2s-to-linalg, which reports it; the
/// scheduled pass neither converts nor reports it.
// TILED-LABEL: func.func @dynamic_head_size(
// TILED:         s2s.scaled_dot_product_attention
func.func @dynamic_head_size(%q: tensor<1x2x4x?xf32>, %k: tensor<1x2x6x?xf32>,
    %v: tensor<1x2x6x8xf32>) -> tensor<1x2x4x8xf32> {
  // expected-error @below {{'s2s.scaled_dot_product_attention' op cannot be lowered to linalg: dimension 3 of operand 'query'}}
  %o = s2s.scaled_dot_product_attention %q, %k, %v
      : (tensor<1x2x4x?xf32>, tensor<1x2x6x?xf32>, tensor<1x2x6x8xf32>)
      -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

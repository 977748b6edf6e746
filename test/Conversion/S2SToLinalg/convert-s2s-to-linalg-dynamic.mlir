// RUN: s2s-opt %s \
// RUN:   --convert-s2s-to-linalg-tiled-attention='attention-block-q=16 attention-block-k=32' \
// RUN:   --convert-s2s-to-linalg-fused-rnn --convert-s2s-to-linalg \
// RUN:   --canonicalize --cse --split-input-file | FileCheck %s

// Dynamic batch and sequence dimensions: sizes are tensor.dim of the
// operands, loops run to them, and the blocks of the tiled attention and
// the last, shorter ones are computed at run time.

// The time loop runs over x's dynamic length; y, h_n and c_n take the
// dynamic batch.
// CHECK-LABEL: func.func @lstm
// CHECK-SAME:    (%[[X:[a-zA-Z0-9_]+]]: tensor<?x?x4xf32>
// CHECK-DAG:     %[[T:.+]] = tensor.dim %[[X]], %c0
// CHECK-DAG:     %[[B:.+]] = tensor.dim %[[X]], %c1
// CHECK-DAG:     tensor.empty(%[[T]], %[[B]]) : tensor<?x?x4xf32>
// CHECK-DAG:     tensor.empty(%[[B]]) : tensor<1x?x4xf32>
// CHECK:         scf.for %{{.+}} = %c0 to %[[T]] step %c1
func.func @lstm(%x: tensor<?x?x4xf32>, %w_ih: tensor<1x16x4xf32>,
    %w_hh: tensor<1x16x4xf32>)
    -> (tensor<?x?x4xf32>, tensor<1x?x4xf32>, tensor<1x?x4xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh hidden_size(4)
      : (tensor<?x?x4xf32>, tensor<1x16x4xf32>, tensor<1x16x4xf32>)
      -> (tensor<?x?x4xf32>, tensor<1x?x4xf32>, tensor<1x?x4xf32>)
  return %y, %h_n, %c_n
      : tensor<?x?x4xf32>, tensor<1x?x4xf32>, tensor<1x?x4xf32>
}

// -----

// Tiled causal attention over dynamic Tq and Tk: the full query blocks of
// 16 rows, then one block of the remaining Tq mod 16 rows (stepping by at
// least 1, so an empty last block has no iteration); in each, full key
// blocks of 32 up to the last visible one, then the shorter last key block
// when it has visible keys.
// CHECK-LABEL: func.func @sdpa_causal
// CHECK-SAME:    (%[[Q:[a-zA-Z0-9_]+]]: tensor<?x2x?x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<?x2x?x8xf32>
// CHECK-DAG:     %[[B:.+]] = tensor.dim %[[Q]], %c0
// CHECK-DAG:     %[[TQ:.+]] = tensor.dim %[[Q]], %c2
// CHECK-DAG:     %[[TK:.+]] = tensor.dim %[[K]], %c2
// CHECK-DAG:     %[[KB:.+]] = arith.divui %[[TK]], %c32
// CHECK-DAG:     %[[KFULL:.+]] = arith.muli %[[KB]], %c32
// CHECK-DAG:     %[[QB:.+]] = arith.divui %[[TQ]], %c16
// CHECK-DAG:     %[[QFULL:.+]] = arith.muli %[[QB]], %c16
// CHECK-DAG:     %[[QTAIL:.+]] = arith.subi %[[TQ]], %[[QFULL]]
// CHECK:         %[[FULL:.+]] = scf.forall (%{{.+}}, %{{.+}}, %{{.+}}) = (0, 0, 0) to (%[[B]], 2, %[[QFULL]]) step (1, 1, 16)
// CHECK:           scf.for %{{.+}} = %c0 to %{{.+}} step %c32 iter_args({{.*}}) -> (tensor<16xf32>, tensor<16xf32>, tensor<16x8xf32>)
// CHECK:           %[[VISIBLE:.+]] = arith.cmpi sgt, %{{.+}}, %[[KFULL]]
// CHECK:           scf.if %[[VISIBLE]]
// CHECK:         %[[STEP:.+]] = arith.maxsi %[[QTAIL]], %c1
// CHECK:         scf.forall (%{{.+}}, %{{.+}}, %{{.+}}) = (0, 0, %[[QFULL]]) to (%[[B]], 2, %[[TQ]]) step (1, 1, %[[STEP]]) shared_outs(%{{.+}} = %[[FULL]])
// CHECK:           scf.for {{.*}} -> (tensor<?xf32>, tensor<?xf32>, tensor<?x8xf32>)
func.func @sdpa_causal(%q: tensor<?x2x?x8xf32>, %k: tensor<?x2x?x8xf32>,
    %v: tensor<?x2x?x8xf32>) -> tensor<?x2x?x8xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v causal
      : (tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>)
      -> tensor<?x2x?x8xf32>
  return %out : tensor<?x2x?x8xf32>
}

// -----

// Multi-head attention splits the [B*T, E] projection into heads with the
// dynamic batch and length as the output shape.
// CHECK-LABEL: func.func @mha
// CHECK-SAME:    (%[[X:[a-zA-Z0-9_]+]]: tensor<?x?x16xf32>
// CHECK-DAG:     %[[B:.+]] = tensor.dim %[[X]], %c0
// CHECK-DAG:     %[[T:.+]] = tensor.dim %[[X]], %c1
// CHECK:         tensor.expand_shape %{{.+}} {{\[\[}}0, 1], [2, 3]] output_shape [%[[B]], %[[T]], 2, 8] : tensor<?x16xf32> into tensor<?x?x2x8xf32>
func.func @mha(%x: tensor<?x?x16xf32>, %w: tensor<48x16xf32>,
    %wo: tensor<16x16xf32>) -> tensor<?x?x16xf32> {
  %out = s2s.multi_head_attention %x in_proj_weight(%w) out_proj_weight(%wo)
      num_heads(2) batch_first
      : (tensor<?x?x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>)
      -> tensor<?x?x16xf32>
  return %out : tensor<?x?x16xf32>
}

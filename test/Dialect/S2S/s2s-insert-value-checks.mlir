// RUN: s2s-opt %s --s2s-insert-value-checks --split-input-file | FileCheck %s

/// Before an embedding: a loop over its indices (collapsed to one
/// dimension) and a cf.assert that every index is in [0, V).
// CHECK-LABEL: func.func @embedding(
// CHECK-SAME:      %[[IDS:[a-z0-9]+]]: tensor<?x?xi64>
// CHECK:         %[[V:.+]] = arith.index_cast %c5 : index to i64
// CHECK:         %[[FLAT:.+]] = tensor.collapse_shape %[[IDS]] {{\[}}[0, 1]]
// CHECK:         %[[N:.+]] = tensor.dim %[[FLAT]], %{{.+}}
// CHECK:         %[[OK:.+]] = scf.for %[[I:.+]] = %{{.+}} to %[[N]] step %{{.+}} iter_args(%[[ALL:.+]] = %true) -> (i1) {
// CHECK:           %[[ID:.+]] = tensor.extract %[[FLAT]][%[[I]]]
// CHECK:           %[[LOW:.+]] = arith.cmpi sge, %[[ID]], %{{.+}} : i64
// CHECK:           %[[HIGH:.+]] = arith.cmpi slt, %[[ID]], %[[V]] : i64
// CHECK:           %[[IN:.+]] = arith.andi %[[LOW]], %[[HIGH]]
// CHECK:           %[[NEXT:.+]] = arith.andi %[[ALL]], %[[IN]]
// CHECK:           scf.yield %[[NEXT]]
// CHECK:         cf.assert %[[OK]], "{{.*}}s2s-insert-value-checks.mlir:{{[0-9]+}}:8: s2s.embedding: every index must be in [0, 5) (5: the rows of 'weight'; a value given at run time)"
// CHECK:         s2s.embedding %[[IDS]]
func.func @embedding(%ids: tensor<?x?xi64>, %table: tensor<5x3xf32>)
    -> tensor<?x?x3xf32> {
  %e = s2s.embedding %ids, %table
      : (tensor<?x?xi64>, tensor<5x3xf32>) -> tensor<?x?x3xf32>
  return %e : tensor<?x?x3xf32>
}

// -----

/// A table of dynamic size, indices of rank 0 (i32): one value, no loop.
// CHECK-LABEL: func.func @dynamic_table(
// CHECK-SAME:      %[[ID:[a-z0-9]+]]: tensor<i32>, %[[TABLE:[a-z0-9]+]]: tensor<?x3xf32>
// CHECK:         %[[ROWS:.+]] = tensor.dim %[[TABLE]], %c0
// CHECK:         %[[V:.+]] = arith.index_cast %[[ROWS]] : index to i64
// CHECK-NOT:     scf.for
// CHECK:         %[[X:.+]] = tensor.extract %[[ID]][]
// CHECK:         %[[X64:.+]] = arith.extsi %[[X]] : i32 to i64
// CHECK:         arith.cmpi slt, %[[X64]], %[[V]]
// CHECK:         cf.assert %{{.+}}, "{{.*}}s2s.embedding: every index must be in [0, V) (V: the rows of 'weight'; a value given at run time)"
func.func @dynamic_table(%id: tensor<i32>, %table: tensor<?x3xf32>)
    -> tensor<3xf32> {
  %e = s2s.embedding %id, %table : (tensor<i32>, tensor<?x3xf32>) -> tensor<3xf32>
  return %e : tensor<3xf32>
}

// -----

/// seq_lens of a recurrent layer: every length in [0, T], T the steps of x
/// (dimension 1 with batch_first). Without seq_lens, nothing.
// CHECK-LABEL: func.func @seq_lens(
// CHECK-SAME:      %[[X:[a-z0-9]+]]: tensor<?x?x3xf32>
// CHECK:         %[[T:.+]] = tensor.dim %[[X]], %c1
// CHECK:         %[[T64:.+]] = arith.index_cast %[[T]] : index to i64
// CHECK:         scf.for
// CHECK:           arith.cmpi sle, %{{.+}}, %[[T64]] : i64
// CHECK:         cf.assert %{{.+}}, "{{.*}}s2s.gru: every value of 'seq_lens' must be in [0, T] (T: the number of steps of 'x'; a value given at run time)"
// CHECK:         s2s.gru
// CHECK-NOT:     cf.assert
// CHECK:         s2s.lstm
func.func @seq_lens(%x: tensor<?x?x3xf32>, %w_ih: tensor<1x6x3xf32>,
                    %w_hh: tensor<1x6x2xf32>, %lens: tensor<?xi32>,
                    %w_ih4: tensor<1x8x3xf32>, %w_hh4: tensor<1x8x2xf32>)
    -> (tensor<?x?x2xf32>, tensor<?x?x2xf32>) {
  %y, %h = s2s.gru %x, %w_ih, %w_hh seq_lens(%lens) hidden_size(2)
      batch_first
      : (tensor<?x?x3xf32>, tensor<1x6x3xf32>, tensor<1x6x2xf32>,
         tensor<?xi32>) -> (tensor<?x?x2xf32>, tensor<1x?x2xf32>)
  %y2, %h2, %c2 = s2s.lstm %x, %w_ih4, %w_hh4 hidden_size(2)
      : (tensor<?x?x3xf32>, tensor<1x8x3xf32>, tensor<1x8x2xf32>)
      -> (tensor<?x?x2xf32>, tensor<1x?x2xf32>, tensor<1x?x2xf32>)
  return %y, %y2 : tensor<?x?x2xf32>, tensor<?x?x2xf32>
}

// -----

/// Before an index_select: every index in [0, N), N the size of 'input'
/// along the selected dimension (a negative dim counts from the end; here
/// the dynamic dimension 1).
// CHECK-LABEL: func.func @index_select(
// CHECK-SAME:      %[[X:[a-z0-9]+]]: tensor<4x?xf32>, %[[IDX:[a-z0-9]+]]: tensor<?xi32>
// CHECK:         %[[N:.+]] = tensor.dim %[[X]], %c1
// CHECK:         %[[N64:.+]] = arith.index_cast %[[N]] : index to i64
// CHECK:         scf.for
// CHECK:           arith.cmpi slt, %{{.+}}, %[[N64]] : i64
// CHECK:         cf.assert %{{.+}}, "{{.*}}s2s-insert-value-checks.mlir:{{[0-9]+}}:8: s2s.index_select: every index must be in [0, N) (N: the size of 'input' along dimension 1; a value given at run time)"
// CHECK:         s2s.index_select %[[X]], %[[IDX]] dim(-1)
func.func @index_select(%x: tensor<4x?xf32>, %idx: tensor<?xi32>)
    -> tensor<4x?xf32> {
  %y = s2s.index_select %x, %idx dim(-1)
      : (tensor<4x?xf32>, tensor<?xi32>) -> tensor<4x?xf32>
  return %y : tensor<4x?xf32>
}

// -----

/// Before a KV cache append: pos in [0, T_max - S] (static sizes: 64 - 1).
// CHECK-LABEL: func.func @kv_cache_append(
// CHECK-SAME:      %{{[a-z0-9]+}}: tensor<1x2x1x8xf32>, %{{[a-z0-9]+}}: tensor<1x2x64x8xf32>, %[[POS:[a-z0-9]+]]: index
// CHECK-DAG:     %[[LAST:.+]] = arith.subi %c64, %c1 : index
// CHECK-DAG:     %[[LOW:.+]] = arith.cmpi sge, %[[POS]], %c0 : index
// CHECK-DAG:     %[[HIGH:.+]] = arith.cmpi sle, %[[POS]], %[[LAST]] : index
// CHECK:         %[[OK:.+]] = arith.andi %[[LOW]], %[[HIGH]] : i1
// CHECK:         cf.assert %[[OK]], "{{.*}}s2s-insert-value-checks.mlir:{{[0-9]+}}:18: s2s.kv_cache_append: 'pos' must be in [0, 64 - 1] (64: the capacity of 'cache', 1: the positions of 'new_entries' along dimension 2; a value given at run time)"
// CHECK:         s2s.kv_cache_append
func.func @kv_cache_append(%new: tensor<1x2x1x8xf32>,
                           %cache: tensor<1x2x64x8xf32>, %pos: index)
    -> tensor<1x2x?x8xf32> {
  %out, %valid = s2s.kv_cache_append %new into %cache at(%pos) dim(2)
      : (tensor<1x2x1x8xf32>, tensor<1x2x64x8xf32>, index)
      -> (tensor<1x2x64x8xf32>, tensor<1x2x?x8xf32>)
  return %valid : tensor<1x2x?x8xf32>
}

// -----

/// Before a cached multi-head attention: pos in [0, T_max - S], S the
/// positions of the (time-major) query, dynamic here.
// CHECK-LABEL: func.func @cached_mha(
// CHECK-SAME:      %[[X:[a-z0-9]+]]: tensor<?x1x8xf32>, %{{[a-z0-9]+}}: tensor<1x2x16x4xf32>, %{{[a-z0-9]+}}: tensor<1x2x16x4xf32>, %[[POS:[a-z0-9]+]]: index
// CHECK-DAG:     %[[S:.+]] = tensor.dim %[[X]], %c0
// CHECK-DAG:     %[[LAST:.+]] = arith.subi %c16, %[[S]] : index
// CHECK-DAG:     %[[LOW:.+]] = arith.cmpi sge, %[[POS]], %{{.+}} : index
// CHECK-DAG:     %[[HIGH:.+]] = arith.cmpi sle, %[[POS]], %[[LAST]] : index
// CHECK:         %[[OK:.+]] = arith.andi %[[LOW]], %[[HIGH]] : i1
// CHECK:         cf.assert %[[OK]], "{{.*}}s2s-insert-value-checks.mlir:{{[0-9]+}}:12: s2s.cached_multi_head_attention: 'pos' must be in [0, 16 - S] (16: the capacity of 'key_cache', S: the positions of 'query' along dimension 0; a value given at run time)"
// CHECK:         s2s.cached_multi_head_attention
func.func @cached_mha(%x: tensor<?x1x8xf32>, %kc: tensor<1x2x16x4xf32>,
    %vc: tensor<1x2x16x4xf32>, %pos: index, %w_in: tensor<24x8xf32>,
    %w_out: tensor<8x8xf32>) -> tensor<?x1x8xf32> {
  %out:3 = s2s.cached_multi_head_attention %x cache(%kc, %vc) at(%pos)
      in_proj_weight(%w_in) out_proj_weight(%w_out) num_heads(2)
      : (tensor<?x1x8xf32>, tensor<1x2x16x4xf32>, tensor<1x2x16x4xf32>, index,
         tensor<24x8xf32>, tensor<8x8xf32>)
      -> (tensor<?x1x8xf32>, tensor<1x2x16x4xf32>, tensor<1x2x16x4xf32>)
  return %out#0 : tensor<?x1x8xf32>
}

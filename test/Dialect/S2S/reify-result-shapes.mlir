// RUN: s2s-opt %s --resolve-ranked-shaped-type-result-dims --canonicalize \
// RUN:   --cse --split-input-file | FileCheck %s

// Every s2s op gives the sizes of its results as dimensions of its operands
// (ReifyRankedShapedTypeOpInterface): tensor.dim of a result becomes
// tensor.dim of an operand, and the op, no longer used, is erased.

// CHECK-LABEL: func.func @lstm_batch_first
// CHECK-SAME:    (%[[X:.+]]: tensor<?x?x4xf32>,
// CHECK-DAG:     %[[C0:.+]] = arith.constant 0 : index
// CHECK-DAG:     %[[C1:.+]] = arith.constant 1 : index
// CHECK-DAG:     %[[B:.+]] = tensor.dim %[[X]], %[[C0]]
// CHECK-DAG:     %[[T:.+]] = tensor.dim %[[X]], %[[C1]]
// CHECK-NOT:     s2s.lstm
// CHECK:         return %[[B]], %[[T]], %[[B]], %[[B]]
func.func @lstm_batch_first(%x: tensor<?x?x4xf32>, %w_ih: tensor<2x24x4xf32>,
    %w_hh: tensor<2x24x6xf32>) -> (index, index, index, index) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh hidden_size(6)
      direction bidirectional batch_first
      : (tensor<?x?x4xf32>, tensor<2x24x4xf32>, tensor<2x24x6xf32>)
      -> (tensor<?x?x12xf32>, tensor<2x?x6xf32>, tensor<2x?x6xf32>)
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %d0 = tensor.dim %y, %c0 : tensor<?x?x12xf32>
  %d1 = tensor.dim %y, %c1 : tensor<?x?x12xf32>
  %d2 = tensor.dim %h_n, %c1 : tensor<2x?x6xf32>
  %d3 = tensor.dim %c_n, %c1 : tensor<2x?x6xf32>
  return %d0, %d1, %d2, %d3 : index, index, index, index
}

// -----

// The hidden state's batch, when x's is static: from h.
// CHECK-LABEL: func.func @gru_cell
// CHECK-SAME:    %[[H:[a-zA-Z0-9_]+]]: tensor<?x6xf32>
// CHECK:         %[[B:.+]] = tensor.dim %[[H]], %{{.+}}
// CHECK-NOT:     s2s.gru_cell
// CHECK:         return %[[B]]
func.func @gru_cell(%x: tensor<?x4xf32>, %h: tensor<?x6xf32>,
    %w_ih: tensor<18x4xf32>, %w_hh: tensor<18x6xf32>) -> index {
  %h_next = s2s.gru_cell %x, %h, %w_ih, %w_hh
      : (tensor<?x4xf32>, tensor<?x6xf32>, tensor<18x4xf32>, tensor<18x6xf32>)
      -> tensor<?x6xf32>
  %c0 = arith.constant 0 : index
  %d = tensor.dim %h_next, %c0 : tensor<?x6xf32>
  return %d : index
}

// -----

// Attention: the context takes B and Tq from the query; the weights' Tk
// comes from the keys.
// CHECK-LABEL: func.func @attention
// CHECK-SAME:    (%[[Q:[a-zA-Z0-9_]+]]: tensor<?x?x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<?x?x8xf32>
// CHECK-DAG:     %[[TQ:.+]] = tensor.dim %[[Q]], %c1
// CHECK-DAG:     %[[TK:.+]] = tensor.dim %[[K]], %c1
// CHECK:         return %[[TQ]], %[[TK]]
func.func @attention(%q: tensor<?x?x8xf32>, %k: tensor<?x?x8xf32>,
    %v: tensor<?x?x5xf32>) -> (index, index) {
  %ctx, %w = s2s.attention dot %q, %k, %v
      : (tensor<?x?x8xf32>, tensor<?x?x8xf32>, tensor<?x?x5xf32>)
      -> (tensor<?x?x5xf32>, tensor<?x?x?xf32>)
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %d0 = tensor.dim %ctx, %c1 : tensor<?x?x5xf32>
  %d1 = tensor.dim %w, %c2 : tensor<?x?x?xf32>
  return %d0, %d1 : index, index
}

// -----

// Scaled dot-product attention: [B, H, Tq, Dv] from the query (and value).
// CHECK-LABEL: func.func @sdpa
// CHECK-SAME:    (%[[Q:[a-zA-Z0-9_]+]]: tensor<?x4x?x8xf32>
// CHECK-DAG:     %[[B:.+]] = tensor.dim %[[Q]], %c0
// CHECK-DAG:     %[[TQ:.+]] = tensor.dim %[[Q]], %c2
// CHECK:         return %[[B]], %[[TQ]]
func.func @sdpa(%q: tensor<?x4x?x8xf32>, %k: tensor<?x2x?x8xf32>,
    %v: tensor<?x2x?x8xf32>) -> (index, index) {
  %out = s2s.scaled_dot_product_attention %q, %k, %v causal
      : (tensor<?x4x?x8xf32>, tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>)
      -> tensor<?x4x?x8xf32>
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %d0 = tensor.dim %out, %c0 : tensor<?x4x?x8xf32>
  %d1 = tensor.dim %out, %c2 : tensor<?x4x?x8xf32>
  return %d0, %d1 : index, index
}

// -----

// MHA (sequence first): the averaged weights are [B, Tq, Tk] with B
// dimension 1 of the query and Tk dimension 0 of the key.
// CHECK-LABEL: func.func @mha_weights
// CHECK-SAME:    (%[[Q:[a-zA-Z0-9_]+]]: tensor<?x?x16xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<?x?x16xf32>
// CHECK-DAG:     %[[B:.+]] = tensor.dim %[[Q]], %c1
// CHECK-DAG:     %[[TK:.+]] = tensor.dim %[[K]], %c0
// CHECK:         return %[[B]], %[[TK]]
func.func @mha_weights(%q: tensor<?x?x16xf32>, %k: tensor<?x?x16xf32>,
    %v: tensor<?x?x16xf32>, %w: tensor<48x16xf32>, %wo: tensor<16x16xf32>)
    -> (index, index) {
  %out, %weights = s2s.multi_head_attention %q, %k, %v in_proj_weight(%w)
      out_proj_weight(%wo) num_heads(2) need_weights
      : (tensor<?x?x16xf32>, tensor<?x?x16xf32>, tensor<?x?x16xf32>,
         tensor<48x16xf32>, tensor<16x16xf32>)
      -> (tensor<?x?x16xf32>, tensor<?x?x?xf32>)
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %d0 = tensor.dim %weights, %c0 : tensor<?x?x?xf32>
  %d1 = tensor.dim %weights, %c2 : tensor<?x?x?xf32>
  return %d0, %d1 : index, index
}

// -----

// Linear, layer norm, embedding, argmax.
// CHECK-LABEL: func.func @small_ops
// CHECK-SAME:    (%[[X:[a-zA-Z0-9_]+]]: tensor<?x?x8xf32>, %{{.+}}: tensor<4x8xf32>, %[[IDX:[a-zA-Z0-9_]+]]: tensor<?xi64>, %[[TABLE:[a-zA-Z0-9_]+]]: tensor<?x?xf32>
// CHECK-DAG:     %[[T:.+]] = tensor.dim %[[X]], %c1
// CHECK-DAG:     %[[N:.+]] = tensor.dim %[[IDX]], %c0
// CHECK-DAG:     %[[E:.+]] = tensor.dim %[[TABLE]], %c1
// CHECK-DAG:     %[[B:.+]] = tensor.dim %[[X]], %c0
// CHECK:         return %[[T]], %[[T]], %[[N]], %[[E]], %[[B]]
func.func @small_ops(%x: tensor<?x?x8xf32>, %w: tensor<4x8xf32>,
    %indices: tensor<?xi64>, %table: tensor<?x?xf32>)
    -> (index, index, index, index, index) {
  %lin = s2s.linear %x, %w : (tensor<?x?x8xf32>, tensor<4x8xf32>)
      -> tensor<?x?x4xf32>
  %norm = s2s.layer_norm %x normalized_shape([8])
      : (tensor<?x?x8xf32>) -> tensor<?x?x8xf32>
  %emb = s2s.embedding %indices, %table : (tensor<?xi64>, tensor<?x?xf32>)
      -> tensor<?x?xf32>
  %arg = s2s.argmax %x dim(1) : (tensor<?x?x8xf32>) -> tensor<?x8xi64>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %d0 = tensor.dim %lin, %c1 : tensor<?x?x4xf32>
  %d1 = tensor.dim %norm, %c1 : tensor<?x?x8xf32>
  %d2 = tensor.dim %emb, %c0 : tensor<?x?xf32>
  %d3 = tensor.dim %emb, %c1 : tensor<?x?xf32>
  %d4 = tensor.dim %arg, %c0 : tensor<?x8xi64>
  return %d0, %d1, %d2, %d3, %d4 : index, index, index, index, index
}

// -----

// Log-softmax, top-k (whose selected dimension is k, static), index select
// (the selected dimension has the size of the indices).
// CHECK-LABEL: func.func @decoding_ops
// CHECK-SAME:    (%[[X:[a-zA-Z0-9_]+]]: tensor<?x?x8xf32>, %[[IDX:[a-zA-Z0-9_]+]]: tensor<?xi64>)
// CHECK-DAG:     %[[B:.+]] = tensor.dim %[[X]], %c0
// CHECK-DAG:     %[[T:.+]] = tensor.dim %[[X]], %c1
// CHECK-DAG:     %[[N:.+]] = tensor.dim %[[IDX]], %c0
// CHECK:         return %[[T]], %[[B]], %[[N]], %[[T]]
func.func @decoding_ops(%x: tensor<?x?x8xf32>, %indices: tensor<?xi64>)
    -> (index, index, index, index) {
  %logp = s2s.log_softmax %x dim(-1) : (tensor<?x?x8xf32>) -> tensor<?x?x8xf32>
  %v, %i = s2s.top_k %x k(3) dim(2)
      : (tensor<?x?x8xf32>) -> (tensor<?x?x3xf32>, tensor<?x?x3xi64>)
  %sel = s2s.index_select %x, %indices dim(0)
      : (tensor<?x?x8xf32>, tensor<?xi64>) -> tensor<?x?x8xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %d0 = tensor.dim %logp, %c1 : tensor<?x?x8xf32>
  %d1 = tensor.dim %i, %c0 : tensor<?x?x3xi64>
  %d2 = tensor.dim %sel, %c0 : tensor<?x?x8xf32>
  %d3 = tensor.dim %sel, %c1 : tensor<?x?x8xf32>
  return %d0, %d1, %d2, %d3 : index, index, index, index
}

// -----

// A KV cache append: the updated cache has the cache's sizes; the valid
// prefix has pos + S positions along dim, pos clamped to [0, T_max - S] as
// the lowering clamps it.
// CHECK-LABEL: func.func @kv_cache_append
// CHECK-SAME:    (%[[NEW:[a-zA-Z0-9_]+]]: tensor<?x2x?x8xf32>, %[[CACHE:[a-zA-Z0-9_]+]]: tensor<?x2x64x8xf32>, %[[POS:[a-zA-Z0-9_]+]]: index)
// CHECK-DAG:     %[[B:.+]] = tensor.dim %[[CACHE]], %c0
// CHECK-DAG:     %[[S:.+]] = tensor.dim %[[NEW]], %c2
// CHECK-DAG:     %[[LAST:.+]] = arith.subi %c64, %[[S]] : index
// CHECK-DAG:     %[[HIGH:.+]] = arith.minsi %[[POS]], %[[LAST]] : index
// CHECK-DAG:     %[[AT:.+]] = arith.maxsi %[[HIGH]], %c0 : index
// CHECK-DAG:     %[[LEN:.+]] = arith.addi %[[AT]], %[[S]] : index
// CHECK:         return %[[B]], %[[LEN]]
func.func @kv_cache_append(%new: tensor<?x2x?x8xf32>,
                           %cache: tensor<?x2x64x8xf32>, %pos: index)
    -> (index, index) {
  %out, %valid = s2s.kv_cache_append %new into %cache at(%pos) dim(2)
      : (tensor<?x2x?x8xf32>, tensor<?x2x64x8xf32>, index)
      -> (tensor<?x2x64x8xf32>, tensor<?x2x?x8xf32>)
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %d0 = tensor.dim %out, %c0 : tensor<?x2x64x8xf32>
  %d1 = tensor.dim %valid, %c2 : tensor<?x2x?x8xf32>
  return %d0, %d1 : index, index
}

// -----

// The cached multi-head attention: the output has the query's sizes, the
// updated caches theirs.
// CHECK-LABEL: func.func @cached_mha
// CHECK-SAME:    (%[[X:[a-zA-Z0-9_]+]]: tensor<?x?x8xf32>, %[[KC:[a-zA-Z0-9_]+]]: tensor<?x2x?x4xf32>
// CHECK-DAG:     %[[S:.+]] = tensor.dim %[[X]], %c1
// CHECK-DAG:     %[[T:.+]] = tensor.dim %[[KC]], %c2
// CHECK:         return %[[S]], %[[T]]
func.func @cached_mha(%x: tensor<?x?x8xf32>, %kc: tensor<?x2x?x4xf32>,
    %vc: tensor<?x2x?x4xf32>, %pos: index, %w_in: tensor<24x8xf32>,
    %w_out: tensor<8x8xf32>) -> (index, index) {
  %out:3 = s2s.cached_multi_head_attention %x cache(%kc, %vc) at(%pos)
      in_proj_weight(%w_in) out_proj_weight(%w_out) num_heads(2) batch_first
      : (tensor<?x?x8xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, index,
         tensor<24x8xf32>, tensor<8x8xf32>)
      -> (tensor<?x?x8xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>)
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %s = tensor.dim %out#0, %c1 : tensor<?x?x8xf32>
  %t = tensor.dim %out#1, %c2 : tensor<?x2x?x4xf32>
  return %s, %t : index, index
}

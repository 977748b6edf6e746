// RUN: s2s-opt %s --s2s-insert-shape-checks --split-input-file | FileCheck %s

// A cf.assert before an s2s op for each shape rule that relates a dynamic
// dimension; rules between static dimensions are the verifier's.

// CHECK-LABEL: func.func @gru_h0_batch
// CHECK-SAME:    (%[[X:[a-zA-Z0-9_]+]]: tensor<?x?x4xf32>, {{.*}}, %[[H0:[a-zA-Z0-9_]+]]: tensor<1x?x4xf32>, %[[LENS:[a-zA-Z0-9_]+]]: tensor<?xi64>)
// CHECK:         %[[B0:.+]] = tensor.dim %[[H0]], %{{.+}} : tensor<1x?x4xf32>
// CHECK:         %[[B:.+]] = tensor.dim %[[X]], %{{.+}} : tensor<?x?x4xf32>
// CHECK:         %[[SAME:.+]] = arith.cmpi eq, %[[B0]], %[[B]] : index
// CHECK:         cf.assert %[[SAME]], "{{.*}}s2s-insert-shape-checks.mlir:{{[0-9]+}}:{{[0-9]+}}: s2s.gru: dimension 1 of operand 'h0' must equal dimension 1 of 'x' (a dynamic size given at run time)"
// CHECK:         cf.assert %{{.+}}, "{{.*}} s2s.gru: dimension 0 of operand 'seq_lens' must equal dimension 1 of 'x'
// CHECK-NEXT:    s2s.gru
func.func @gru_h0_batch(%x: tensor<?x?x4xf32>, %w_ih: tensor<1x12x4xf32>,
    %w_hh: tensor<1x12x4xf32>, %h0: tensor<1x?x4xf32>,
    %seq_lens: tensor<?xi64>) -> tensor<?x?x4xf32> {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh h0(%h0) seq_lens(%seq_lens)
      hidden_size(4)
      : (tensor<?x?x4xf32>, tensor<1x12x4xf32>, tensor<1x12x4xf32>,
         tensor<1x?x4xf32>, tensor<?xi64>)
      -> (tensor<?x?x4xf32>, tensor<1x?x4xf32>)
  return %y : tensor<?x?x4xf32>
}

// -----

/// Batch-first: the batch is dimension 0 of x.
// CHECK-LABEL: func.func @lstm_batch_first
// CHECK:         cf.assert %{{.+}}, "{{.*}}dimension 1 of operand 'h0' must equal dimension 0 of 'x'
// CHECK:         cf.assert %{{.+}}, "{{.*}}dimension 1 of operand 'c0' must equal dimension 0 of 'x'
func.func @lstm_batch_first(%x: tensor<?x?x4xf32>, %w_ih: tensor<1x16x4xf32>,
    %w_hh: tensor<1x16x4xf32>, %h0: tensor<1x?x4xf32>, %c0: tensor<1x?x4xf32>)
    -> tensor<?x?x4xf32> {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh h0(%h0) c0(%c0) hidden_size(4)
      batch_first
      : (tensor<?x?x4xf32>, tensor<1x16x4xf32>, tensor<1x16x4xf32>,
         tensor<1x?x4xf32>, tensor<1x?x4xf32>)
      -> (tensor<?x?x4xf32>, tensor<1x?x4xf32>, tensor<1x?x4xf32>)
  return %y : tensor<?x?x4xf32>
}

// -----

/// Keys and values of one length and batch; the mask's dynamic dimensions
/// are the scores', its static 1 broadcasts (no check).
// CHECK-LABEL: func.func @sdpa_rules
// CHECK:         cf.assert %{{.+}}, "{{.*}}dimension 0 of operand 'key' must equal dimension 0 of 'query'
// CHECK:         cf.assert %{{.+}}, "{{.*}}dimension 0 of operand 'value' must equal dimension 0 of 'query'
// CHECK:         cf.assert %{{.+}}, "{{.*}}dimension 2 of operand 'value' must equal dimension 2 of 'key'
// CHECK:         cf.assert %{{.+}}, "{{.*}}dimension 2 of operand 'mask' must equal dimension 2 of 'query'
// CHECK:         cf.assert %{{.+}}, "{{.*}}dimension 3 of operand 'mask' must equal dimension 2 of 'key'
// CHECK-NOT:     cf.assert
// CHECK:         s2s.scaled_dot_product_attention
func.func @sdpa_rules(%q: tensor<?x4x?x8xf32>, %k: tensor<?x2x?x8xf32>,
    %v: tensor<?x2x?x8xf32>, %mask: tensor<1x1x?x?xi1>)
    -> tensor<?x4x?x8xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x4x?x8xf32>, tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>,
         tensor<1x1x?x?xi1>) -> tensor<?x4x?x8xf32>
  return %out : tensor<?x4x?x8xf32>
}

// -----

/// A per-head attention mask [B*num_heads, Tq, Tk]: its first dimension is
/// num_heads times the batch.
// CHECK-LABEL: func.func @mha_mask_per_head
// CHECK:         %[[B:.+]] = tensor.dim %arg0, %c0
// CHECK:         %[[BH:.+]] = arith.muli %[[B]], %c2
// CHECK:         arith.cmpi eq, %{{.+}}, %[[BH]]
// CHECK:         cf.assert %{{.+}}, "{{.*}}dimension 0 of operand 'attn_mask' must equal 2 times dimension 0 of 'query'
func.func @mha_mask_per_head(%x: tensor<?x?x16xf32>, %w: tensor<48x16xf32>,
    %wo: tensor<16x16xf32>, %mask: tensor<?x?x?xi1>) -> tensor<?x?x16xf32> {
  %out = s2s.multi_head_attention %x in_proj_weight(%w) out_proj_weight(%wo)
      attn_mask(%mask) num_heads(2) batch_first
      : (tensor<?x?x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>,
         tensor<?x?x?xi1>) -> tensor<?x?x16xf32>
  return %out : tensor<?x?x16xf32>
}

// -----

/// Static shapes: the verifier checked every rule, nothing is added.
// CHECK-LABEL: func.func @negative_static
// CHECK-NOT:     cf.assert
func.func @negative_static(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x12x4xf32>,
    %w_hh: tensor<1x12x4xf32>, %h0: tensor<1x3x4xf32>) -> tensor<5x3x4xf32> {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh h0(%h0) hidden_size(4)
      : (tensor<5x3x4xf32>, tensor<1x12x4xf32>, tensor<1x12x4xf32>,
         tensor<1x3x4xf32>) -> (tensor<5x3x4xf32>, tensor<1x3x4xf32>)
  return %y : tensor<5x3x4xf32>
}

// -----

/// argmax over a dynamic dimension: it must not be empty at run time.
// CHECK-LABEL: func.func @argmax_nonempty
// CHECK:         %[[N:.+]] = tensor.dim %arg0, %c1
// CHECK:         %[[SOME:.+]] = arith.cmpi sge, %[[N]], %c1
// CHECK:         cf.assert %[[SOME]], "{{.*}} s2s.argmax: dimension 1 of operand 'input' must not be 0 (a dynamic size given at run time)"
func.func @argmax_nonempty(%logits: tensor<3x?xf32>) -> tensor<3xi64> {
  %token = s2s.argmax %logits dim(-1) : (tensor<3x?xf32>) -> tensor<3xi64>
  return %token : tensor<3xi64>
}

// -----

/// The cached multi-head attention: the caches' batch is the query's
/// (dimension 0, batch-first), the two caches have one capacity, the key
/// padding mask covers it, and the step's positions fit in it.
// CHECK-LABEL: func.func @cached_mha
// CHECK-SAME:    (%[[X:[a-zA-Z0-9_]+]]: tensor<?x?x8xf32>
// CHECK:         cf.assert %{{.+}}, "{{.*}} s2s.cached_multi_head_attention: dimension 0 of operand 'key_cache' must equal dimension 0 of 'query' (a dynamic size given at run time)"
// CHECK:         cf.assert %{{.+}}, "{{.*}} s2s.cached_multi_head_attention: dimension 0 of operand 'value_cache' must equal dimension 0 of 'query'
// CHECK:         cf.assert %{{.+}}, "{{.*}} s2s.cached_multi_head_attention: dimension 2 of operand 'value_cache' must equal dimension 2 of 'key_cache'
// CHECK:         cf.assert %{{.+}}, "{{.*}} s2s.cached_multi_head_attention: dimension 1 of operand 'key_padding_mask' must equal dimension 2 of 'key_cache'
// CHECK:         %[[S:.+]] = tensor.dim %[[X]], %c1
// CHECK:         %[[FITS:.+]] = arith.cmpi sle, %[[S]], %{{.+}} : index
// CHECK:         cf.assert %[[FITS]], "{{.*}} s2s.cached_multi_head_attention: dimension 1 of operand 'query' must not exceed dimension 2 of 'key_cache' (its capacity) (a dynamic size given at run time)"
// CHECK-NEXT:    s2s.cached_multi_head_attention
func.func @cached_mha(%x: tensor<?x?x8xf32>, %kc: tensor<?x2x?x4xf32>,
    %vc: tensor<?x2x?x4xf32>, %pos: index, %w_in: tensor<24x8xf32>,
    %w_out: tensor<8x8xf32>, %kpm: tensor<?x?xi1>) -> tensor<?x?x8xf32> {
  %out:3 = s2s.cached_multi_head_attention %x cache(%kc, %vc) at(%pos)
      in_proj_weight(%w_in) out_proj_weight(%w_out) key_padding_mask(%kpm)
      num_heads(2) batch_first
      : (tensor<?x?x8xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, index,
         tensor<24x8xf32>, tensor<8x8xf32>, tensor<?x?xi1>)
      -> (tensor<?x?x8xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>)
  return %out#0 : tensor<?x?x8xf32>
}

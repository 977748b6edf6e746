// RUN: s2s-opt %s --s2s-pack-qkv -split-input-file | FileCheck %s

/// Self-attention with separate projection weights (key = value = query
/// given explicitly): the weights are concatenated into one in_proj_weight
/// and key/value are dropped; every other operand and attribute stays.
// CHECK-LABEL: func.func @pack_self_attention(
// CHECK-SAME:    %[[X:[a-zA-Z0-9_]+]]: tensor<2x10x32xf32>, %[[WQ:[a-zA-Z0-9_]+]]: tensor<32x32xf32>, %[[WK:[a-zA-Z0-9_]+]]: tensor<32x32xf32>, %[[WV:[a-zA-Z0-9_]+]]: tensor<32x32xf32>, %[[B:[a-zA-Z0-9_]+]]: tensor<96xf32>, %[[WO:[a-zA-Z0-9_]+]]: tensor<32x32xf32>, %[[KPM:[a-zA-Z0-9_]+]]: tensor<2x10xi1>
// CHECK:         %[[W:.+]] = tensor.concat dim(0) %[[WQ]], %[[WK]], %[[WV]] : (tensor<32x32xf32>, tensor<32x32xf32>, tensor<32x32xf32>) -> tensor<96x32xf32>
// CHECK:         %[[OUT:.+]] = s2s.multi_head_attention %[[X]] in_proj_weight(%[[W]]) in_proj_bias(%[[B]]) out_proj_weight(%[[WO]]) key_padding_mask(%[[KPM]]) num_heads(4) batch_first causal :
// CHECK:         return %[[OUT]]
func.func @pack_self_attention(%x: tensor<2x10x32xf32>, %wq: tensor<32x32xf32>,
    %wk: tensor<32x32xf32>, %wv: tensor<32x32xf32>, %b: tensor<96xf32>,
    %wo: tensor<32x32xf32>, %kpm: tensor<2x10xi1>) -> tensor<2x10x32xf32> {
  %out = s2s.multi_head_attention %x, %x, %x q_proj_weight(%wq)
      k_proj_weight(%wk) v_proj_weight(%wv) in_proj_bias(%b)
      out_proj_weight(%wo) key_padding_mask(%kpm) num_heads(4) batch_first
      causal
      : (tensor<2x10x32xf32>, tensor<2x10x32xf32>, tensor<2x10x32xf32>,
         tensor<32x32xf32>, tensor<32x32xf32>, tensor<32x32xf32>,
         tensor<96xf32>, tensor<32x32xf32>, tensor<2x10xi1>)
      -> tensor<2x10x32xf32>
  return %out : tensor<2x10x32xf32>
}

// -----

/// Without key/value operands it is self-attention as well; both results
/// are kept with need_weights.
// CHECK-LABEL: func.func @pack_implicit_self_attention(
// CHECK:         tensor.concat dim(0)
// CHECK:         %[[OUT:.+]], %[[AVG:.+]] = s2s.multi_head_attention %{{.+}} in_proj_weight(%{{.+}}) out_proj_weight(%{{.+}}) num_heads(2) need_weights
// CHECK:         return %[[OUT]], %[[AVG]]
func.func @pack_implicit_self_attention(%x: tensor<5x1x8xf32>,
    %wq: tensor<8x8xf32>, %wk: tensor<8x8xf32>, %wv: tensor<8x8xf32>,
    %wo: tensor<8x8xf32>) -> (tensor<5x1x8xf32>, tensor<1x5x5xf32>) {
  %out, %w = s2s.multi_head_attention %x q_proj_weight(%wq)
      k_proj_weight(%wk) v_proj_weight(%wv) out_proj_weight(%wo)
      num_heads(2) need_weights
      : (tensor<5x1x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>,
         tensor<8x8xf32>, tensor<8x8xf32>)
      -> (tensor<5x1x8xf32>, tensor<1x5x5xf32>)
  return %out, %w : tensor<5x1x8xf32>, tensor<1x5x5xf32>
}

// -----

/// Cross-attention reads another input for K and V: left alone.
// CHECK-LABEL: func.func @negative_cross_attention(
// CHECK-NOT:     tensor.concat
// CHECK:         s2s.multi_head_attention %{{.+}}, %{{.+}}, %{{.+}} q_proj_weight
func.func @negative_cross_attention(%q: tensor<2x6x8xf32>,
    %kv: tensor<2x9x8xf32>, %wq: tensor<8x8xf32>, %wk: tensor<8x8xf32>,
    %wv: tensor<8x8xf32>, %wo: tensor<8x8xf32>) -> tensor<2x6x8xf32> {
  %out = s2s.multi_head_attention %q, %kv, %kv q_proj_weight(%wq)
      k_proj_weight(%wk) v_proj_weight(%wv) out_proj_weight(%wo)
      num_heads(2) batch_first
      : (tensor<2x6x8xf32>, tensor<2x9x8xf32>, tensor<2x9x8xf32>,
         tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>)
      -> tensor<2x6x8xf32>
  return %out : tensor<2x6x8xf32>
}

// -----

/// Already packed: nothing to do.
// CHECK-LABEL: func.func @negative_packed(
// CHECK-NOT:     tensor.concat
func.func @negative_packed(%x: tensor<2x10x32xf32>, %w: tensor<96x32xf32>,
    %wo: tensor<32x32xf32>) -> tensor<2x10x32xf32> {
  %out = s2s.multi_head_attention %x in_proj_weight(%w) out_proj_weight(%wo)
      num_heads(4) batch_first
      : (tensor<2x10x32xf32>, tensor<96x32xf32>, tensor<32x32xf32>)
      -> tensor<2x10x32xf32>
  return %out : tensor<2x10x32xf32>
}

// -----

/// The cached form is self-attention always: its separate weights are
/// packed; the caches, position and masks stay.
// CHECK-LABEL: func.func @pack_cached(
// CHECK-SAME:    %[[X:[a-zA-Z0-9_]+]]: tensor<1x1x8xf32>, %[[KC:[a-zA-Z0-9_]+]]: tensor<1x2x16x4xf32>, %[[VC:[a-zA-Z0-9_]+]]: tensor<1x2x16x4xf32>, %[[POS:[a-zA-Z0-9_]+]]: index, %[[WQ:[a-zA-Z0-9_]+]]: tensor<8x8xf32>, %[[WK:[a-zA-Z0-9_]+]]: tensor<8x8xf32>, %[[WV:[a-zA-Z0-9_]+]]: tensor<8x8xf32>, %[[WO:[a-zA-Z0-9_]+]]: tensor<8x8xf32>, %[[KPM:[a-zA-Z0-9_]+]]: tensor<1x16xi1>
// CHECK:         %[[W:.+]] = tensor.concat dim(0) %[[WQ]], %[[WK]], %[[WV]] : (tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<24x8xf32>
// CHECK:         %[[OUT:[a-z0-9_]+]], %[[K:[a-z0-9_]+]], %[[V:[a-z0-9_]+]] = s2s.cached_multi_head_attention %[[X]] cache(%[[KC]], %[[VC]]) at(%[[POS]]) in_proj_weight(%[[W]]) out_proj_weight(%[[WO]]) key_padding_mask(%[[KPM]]) num_heads(2) batch_first :
// CHECK:         return %[[OUT]], %[[K]], %[[V]]
func.func @pack_cached(%x: tensor<1x1x8xf32>, %kc: tensor<1x2x16x4xf32>,
    %vc: tensor<1x2x16x4xf32>, %pos: index, %wq: tensor<8x8xf32>,
    %wk: tensor<8x8xf32>, %wv: tensor<8x8xf32>, %wo: tensor<8x8xf32>,
    %kpm: tensor<1x16xi1>)
    -> (tensor<1x1x8xf32>, tensor<1x2x16x4xf32>, tensor<1x2x16x4xf32>) {
  %out, %k, %v = s2s.cached_multi_head_attention %x cache(%kc, %vc) at(%pos)
      q_proj_weight(%wq) k_proj_weight(%wk) v_proj_weight(%wv)
      out_proj_weight(%wo) key_padding_mask(%kpm) num_heads(2) batch_first
      : (tensor<1x1x8xf32>, tensor<1x2x16x4xf32>, tensor<1x2x16x4xf32>,
         index, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>,
         tensor<8x8xf32>, tensor<1x16xi1>)
      -> (tensor<1x1x8xf32>, tensor<1x2x16x4xf32>, tensor<1x2x16x4xf32>)
  return %out, %k, %v
      : tensor<1x1x8xf32>, tensor<1x2x16x4xf32>, tensor<1x2x16x4xf32>
}

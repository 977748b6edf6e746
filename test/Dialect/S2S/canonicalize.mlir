// RUN: s2s-opt %s --canonicalize -split-input-file | FileCheck %s

/// Zero initial states and full-length seq_lens state the defaults: dropped.
// CHECK-LABEL: func.func @lstm_default_states(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x2x4xf32>, %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x32x4xf32>, %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x32x8xf32>)
// CHECK:         %[[Y:.+]], %{{.+}}, %{{.+}} = s2s.lstm %[[X]], %[[W_IH]], %[[W_HH]] hidden_size(8) :
// CHECK-SAME:        (tensor<5x2x4xf32>, tensor<1x32x4xf32>, tensor<1x32x8xf32>) ->
func.func @lstm_default_states(%x: tensor<5x2x4xf32>, %w_ih: tensor<1x32x4xf32>,
    %w_hh: tensor<1x32x8xf32>) -> tensor<5x2x8xf32> {
  %zero = arith.constant dense<0.0> : tensor<1x2x8xf32>
  %full = arith.constant dense<5> : tensor<2xi64>
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh h0(%zero) c0(%zero)
      seq_lens(%full) hidden_size(8)
      : (tensor<5x2x4xf32>, tensor<1x32x4xf32>, tensor<1x32x8xf32>,
         tensor<1x2x8xf32>, tensor<1x2x8xf32>, tensor<2xi64>)
      -> (tensor<5x2x8xf32>, tensor<1x2x8xf32>, tensor<1x2x8xf32>)
  return %y : tensor<5x2x8xf32>
}

// -----

/// batch_first: T is dimension 1 of x; -0.0 is not the default state (its
/// sign can reach the results), and lengths below T mask steps: all kept.
// CHECK-LABEL: func.func @negative_gru_states_kept(
// CHECK:         s2s.gru {{.+}} h0(%{{.+}}) seq_lens(%{{.+}}) hidden_size(8) batch_first
// CHECK-LABEL: func.func @gru_batch_first_full_length(
// CHECK:         s2s.gru %{{.+}}, %{{.+}}, %{{.+}} hidden_size(8) batch_first :
func.func @negative_gru_states_kept(%x: tensor<2x5x4xf32>,
    %w_ih: tensor<1x24x4xf32>, %w_hh: tensor<1x24x8xf32>)
    -> tensor<2x5x8xf32> {
  %minus_zero = arith.constant dense<-0.0> : tensor<1x2x8xf32>
  %short = arith.constant dense<4> : tensor<2xi64>
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh h0(%minus_zero) seq_lens(%short)
      hidden_size(8) batch_first
      : (tensor<2x5x4xf32>, tensor<1x24x4xf32>, tensor<1x24x8xf32>,
         tensor<1x2x8xf32>, tensor<2xi64>)
      -> (tensor<2x5x8xf32>, tensor<1x2x8xf32>)
  return %y : tensor<2x5x8xf32>
}
func.func @gru_batch_first_full_length(%x: tensor<2x5x4xf32>,
    %w_ih: tensor<1x24x4xf32>, %w_hh: tensor<1x24x8xf32>)
    -> tensor<2x5x8xf32> {
  %full = arith.constant dense<5> : tensor<2xi32>
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh seq_lens(%full) hidden_size(8)
      batch_first
      : (tensor<2x5x4xf32>, tensor<1x24x4xf32>, tensor<1x24x8xf32>,
         tensor<2xi32>)
      -> (tensor<2x5x8xf32>, tensor<1x2x8xf32>)
  return %y : tensor<2x5x8xf32>
}

// -----

/// The recurrence of a hoisted layer too.
// CHECK-LABEL: func.func @recurrence_zero_state(
// CHECK:         s2s.recurrence rnn %{{.+}}, %{{.+}} hidden_size(8) :
func.func @recurrence_zero_state(%x_gates: tensor<5x2x8xf32>,
    %w_hh: tensor<1x8x8xf32>) -> tensor<5x2x8xf32> {
  %zero = arith.constant dense<0.0> : tensor<1x2x8xf32>
  %y, %h_n = s2s.recurrence rnn %x_gates, %w_hh h0(%zero) hidden_size(8)
      : (tensor<5x2x8xf32>, tensor<1x8x8xf32>, tensor<1x2x8xf32>)
      -> (tensor<5x2x8xf32>, tensor<1x2x8xf32>)
  return %y : tensor<5x2x8xf32>
}

// -----

/// A boolean mask true everywhere and an additive mask zero everywhere mask
/// nothing: dropped. A mask with one false entry stays.
// CHECK-LABEL: func.func @sdpa_neutral_masks(
// CHECK:         %[[A:.+]] = s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} :
// CHECK:         %[[B:.+]] = s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} causal :
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}}) :
func.func @sdpa_neutral_masks(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>,
    %v: tensor<1x2x4x8xf32>)
    -> (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>) {
  %true = arith.constant dense<true> : tensor<4x4xi1>
  %zero = arith.constant dense<0.0> : tensor<1x1x4x4xf32>
  %some = arith.constant dense<[[true, true, false, true], [true, true, true, true], [true, true, true, true], [true, true, true, true]]> : tensor<4x4xi1>
  %a = s2s.scaled_dot_product_attention %q, %k, %v mask(%true)
      : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>,
         tensor<4x4xi1>) -> tensor<1x2x4x8xf32>
  %b = s2s.scaled_dot_product_attention %q, %k, %v mask(%zero) causal
      : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>,
         tensor<1x1x4x4xf32>) -> tensor<1x2x4x8xf32>
  %c = s2s.scaled_dot_product_attention %q, %k, %v mask(%some)
      : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>,
         tensor<4x4xi1>) -> tensor<1x2x4x8xf32>
  return %a, %b, %c
      : tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>
}

// -----

/// Seq2Seq attention with an all-true mask.
// CHECK-LABEL: func.func @attention_true_mask(
// CHECK:         s2s.attention dot %{{.+}}, %{{.+}}, %{{.+}} :
func.func @attention_true_mask(%q: tensor<2x3x8xf32>, %keys: tensor<2x5x8xf32>,
    %values: tensor<2x5x8xf32>) -> tensor<2x3x8xf32> {
  %true = arith.constant dense<true> : tensor<2x1x5xi1>
  %ctx, %weights = s2s.attention dot %q, %keys, %values mask(%true)
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x8xf32>,
         tensor<2x1x5xi1>) -> (tensor<2x3x8xf32>, tensor<2x3x5xf32>)
  return %ctx : tensor<2x3x8xf32>
}

// -----

/// key = value = query is self-attention; neutral masks go too.
// CHECK-LABEL: func.func @mha_self(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<2x5x8xf32>
// CHECK:         s2s.multi_head_attention %[[X]] in_proj_weight(%{{.+}}) out_proj_weight(%{{.+}}) num_heads(2) batch_first :
// CHECK-SAME:        (tensor<2x5x8xf32>, tensor<24x8xf32>, tensor<8x8xf32>) -> tensor<2x5x8xf32>
func.func @mha_self(%x: tensor<2x5x8xf32>, %w_in: tensor<24x8xf32>,
    %w_out: tensor<8x8xf32>) -> tensor<2x5x8xf32> {
  %kpm = arith.constant dense<true> : tensor<2x5xi1>
  %am = arith.constant dense<0.0> : tensor<5x5xf32>
  %out = s2s.multi_head_attention %x, %x, %x in_proj_weight(%w_in)
      out_proj_weight(%w_out) key_padding_mask(%kpm) attn_mask(%am)
      num_heads(2) batch_first
      : (tensor<2x5x8xf32>, tensor<2x5x8xf32>, tensor<2x5x8xf32>,
         tensor<24x8xf32>, tensor<8x8xf32>, tensor<2x5xi1>, tensor<5x5xf32>)
      -> tensor<2x5x8xf32>
  return %out : tensor<2x5x8xf32>
}

// -----

/// The cached form: an all-true key padding mask and an all-zero additive
/// attention mask go.
// CHECK-LABEL: func.func @cached_mha_neutral_masks(
// CHECK:         s2s.cached_multi_head_attention %{{.+}} cache(%{{.+}}, %{{.+}}) at(%{{.+}}) in_proj_weight(%{{.+}}) out_proj_weight(%{{.+}}) num_heads(2) batch_first :
// CHECK-SAME:        (tensor<2x1x8xf32>, tensor<2x2x6x4xf32>, tensor<2x2x6x4xf32>, index, tensor<24x8xf32>, tensor<8x8xf32>) ->
func.func @cached_mha_neutral_masks(%x: tensor<2x1x8xf32>,
    %kc: tensor<2x2x6x4xf32>, %vc: tensor<2x2x6x4xf32>, %pos: index,
    %w_in: tensor<24x8xf32>, %w_out: tensor<8x8xf32>) -> tensor<2x1x8xf32> {
  %kpm = arith.constant dense<true> : tensor<2x6xi1>
  %am = arith.constant dense<0.0> : tensor<1x6xf32>
  %out:3 = s2s.cached_multi_head_attention %x cache(%kc, %vc) at(%pos)
      in_proj_weight(%w_in) out_proj_weight(%w_out) key_padding_mask(%kpm)
      attn_mask(%am) num_heads(2) batch_first
      : (tensor<2x1x8xf32>, tensor<2x2x6x4xf32>, tensor<2x2x6x4xf32>, index,
         tensor<24x8xf32>, tensor<8x8xf32>, tensor<2x6xi1>, tensor<1x6xf32>)
      -> (tensor<2x1x8xf32>, tensor<2x2x6x4xf32>, tensor<2x2x6x4xf32>)
  return %out#0 : tensor<2x1x8xf32>
}

// -----

/// Keys that are the queries but values that are not: cross-attention, kept.
// CHECK-LABEL: func.func @negative_mha_value_differs(
// CHECK:         s2s.multi_head_attention %[[X:.+]], %[[X]], %{{.+}} in_proj_weight
func.func @negative_mha_value_differs(%x: tensor<2x5x8xf32>,
    %v: tensor<2x5x8xf32>, %w_in: tensor<24x8xf32>, %w_out: tensor<8x8xf32>)
    -> tensor<2x5x8xf32> {
  %out = s2s.multi_head_attention %x, %x, %v in_proj_weight(%w_in)
      out_proj_weight(%w_out) num_heads(2) batch_first
      : (tensor<2x5x8xf32>, tensor<2x5x8xf32>, tensor<2x5x8xf32>,
         tensor<24x8xf32>, tensor<8x8xf32>) -> tensor<2x5x8xf32>
  return %out : tensor<2x5x8xf32>
}

// -----

/// A constant causal mask (-inf above the diagonal, as
/// nn.Transformer.generate_square_subsequent_mask) becomes `causal`.
// CHECK-LABEL: func.func @sdpa_causal_mask(
// CHECK-NOT:     arith.constant
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} causal :
// CHECK-SAME:        (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
func.func @sdpa_causal_mask(%q: tensor<1x2x3x4xf32>, %k: tensor<1x2x3x4xf32>,
    %v: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32> {
  %mask = arith.constant dense<[[0.0, 0xFF800000, 0xFF800000], [0.0, 0.0, 0xFF800000], [0.0, 0.0, 0.0]]> : tensor<3x3xf32>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>,
         tensor<3x3xf32>) -> tensor<1x2x3x4xf32>
  return %out : tensor<1x2x3x4xf32>
}

// -----

/// Bottom-right aligned, boolean, with unit leading dimensions: 2 queries
/// (positions 2 and 3) against 4 keys.
// CHECK-LABEL: func.func @sdpa_causal_bool_mask(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} causal :
func.func @sdpa_causal_bool_mask(%q: tensor<1x2x2x4xf32>,
    %k: tensor<1x2x4x4xf32>, %v: tensor<1x2x4x4xf32>) -> tensor<1x2x2x4xf32> {
  %mask = arith.constant dense<[[[[true, true, true, false], [true, true, true, true]]]]> : tensor<1x1x2x4xi1>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<1x2x2x4xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>,
         tensor<1x1x2x4xi1>) -> tensor<1x2x2x4xf32>
  return %out : tensor<1x2x2x4xf32>
}

// -----

/// The most negative float (torch.finfo(float32).min, as other exporters
/// write the mask) has an exponential of 0 as -inf does: causal too.
// CHECK-LABEL: func.func @sdpa_causal_finfo_min(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} causal :
func.func @sdpa_causal_finfo_min(%q: tensor<1x2x3x4xf32>,
    %k: tensor<1x2x3x4xf32>, %v: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32> {
  %mask = arith.constant dense<[[0.0, -3.40282347E+38, -3.40282347E+38], [0.0, 0.0, -3.40282347E+38], [0.0, 0.0, 0.0]]> : tensor<3x3xf32>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>,
         tensor<3x3xf32>) -> tensor<1x2x3x4xf32>
  return %out : tensor<1x2x3x4xf32>
}

// -----

/// Kept: -1e9 leaves exp(score - 1e9) = 0 only while scores stay far from
/// 1e9; the mask is not rewritten.
// CHECK-LABEL: func.func @negative_sdpa_finite_mask(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}}) :
func.func @negative_sdpa_finite_mask(%q: tensor<1x2x3x4xf32>,
    %k: tensor<1x2x3x4xf32>, %v: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32> {
  %mask = arith.constant dense<[[0.0, -1.0E+9, -1.0E+9], [0.0, 0.0, -1.0E+9], [0.0, 0.0, 0.0]]> : tensor<3x3xf32>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>,
         tensor<3x3xf32>) -> tensor<1x2x3x4xf32>
  return %out : tensor<1x2x3x4xf32>
}

// -----

/// Kept: a triangle aligned top-left (query i sees keys 0 .. i) with fewer
/// queries than keys is not s2s's causal mask.
// CHECK-LABEL: func.func @negative_sdpa_top_left_mask(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}}) :
func.func @negative_sdpa_top_left_mask(%q: tensor<1x2x2x4xf32>,
    %k: tensor<1x2x4x4xf32>, %v: tensor<1x2x4x4xf32>) -> tensor<1x2x2x4xf32> {
  %mask = arith.constant dense<[[0.0, 0xFF800000, 0xFF800000, 0xFF800000], [0.0, 0.0, 0xFF800000, 0xFF800000]]> : tensor<2x4xf32>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<1x2x2x4xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>,
         tensor<2x4xf32>) -> tensor<1x2x2x4xf32>
  return %out : tensor<1x2x2x4xf32>
}

// -----

/// Kept: a mask of one key column broadcast over 3 keys is the triangle of
/// one key, not of three (query 0 sees no key here; `causal` would show it
/// keys 0 and 1).
// CHECK-LABEL: func.func @negative_sdpa_causal_mask_one_key(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}}) :
func.func @negative_sdpa_causal_mask_one_key(%q: tensor<1x2x2x4xf32>,
    %k: tensor<1x2x3x4xf32>, %v: tensor<1x2x3x4xf32>) -> tensor<1x2x2x4xf32> {
  %mask = arith.constant dense<[[false], [true]]> : tensor<2x1xi1>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<1x2x2x4xf32>, tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>,
         tensor<2x1xi1>) -> tensor<1x2x2x4xf32>
  return %out : tensor<1x2x2x4xf32>
}

// -----

/// Kept: a mask of one query row broadcast over 2 queries (all visible,
/// -0.0 included) is not the triangle of two.
// CHECK-LABEL: func.func @negative_sdpa_causal_mask_one_query(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}}) :
func.func @negative_sdpa_causal_mask_one_query(%q: tensor<1x2x2x4xf32>,
    %k: tensor<1x2x2x4xf32>, %v: tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32> {
  %mask = arith.constant dense<[[0.0, -0.0]]> : tensor<1x2xf32>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>,
         tensor<1x2xf32>) -> tensor<1x2x2x4xf32>
  return %out : tensor<1x2x2x4xf32>
}

// -----

/// Kept: one mask per batch (a leading dimension of 2), even when each is
/// causal.
// CHECK-LABEL: func.func @negative_sdpa_per_batch_mask(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}}) :
func.func @negative_sdpa_per_batch_mask(%q: tensor<2x2x3x4xf32>,
    %k: tensor<2x2x3x4xf32>, %v: tensor<2x2x3x4xf32>) -> tensor<2x2x3x4xf32> {
  %mask = arith.constant dense<[[[[true, false, false], [true, true, false], [true, true, true]]], [[[true, false, false], [true, true, false], [true, true, true]]]]> : tensor<2x1x3x3xi1>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<2x2x3x4xf32>, tensor<2x2x3x4xf32>, tensor<2x2x3x4xf32>,
         tensor<2x1x3x3xi1>) -> tensor<2x2x3x4xf32>
  return %out : tensor<2x2x3x4xf32>
}

// -----

/// Multi-head attention with a causal attn_mask [Tq, Tk]: `causal`; the key
/// padding mask stays.
// CHECK-LABEL: func.func @mha_causal_attn_mask(
// CHECK:         s2s.multi_head_attention %{{.+}} in_proj_weight(%{{.+}}) out_proj_weight(%{{.+}}) key_padding_mask(%{{.+}}) num_heads(2) batch_first causal :
func.func @mha_causal_attn_mask(%x: tensor<2x3x8xf32>, %w_in: tensor<24x8xf32>,
    %w_out: tensor<8x8xf32>, %kpm: tensor<2x3xi1>) -> tensor<2x3x8xf32> {
  %am = arith.constant dense<[[0.0, 0xFF800000, 0xFF800000], [0.0, 0.0, 0xFF800000], [0.0, 0.0, 0.0]]> : tensor<3x3xf32>
  %out = s2s.multi_head_attention %x in_proj_weight(%w_in)
      out_proj_weight(%w_out) key_padding_mask(%kpm) attn_mask(%am)
      num_heads(2) batch_first
      : (tensor<2x3x8xf32>, tensor<24x8xf32>, tensor<8x8xf32>, tensor<2x3xi1>,
         tensor<3x3xf32>) -> tensor<2x3x8xf32>
  return %out : tensor<2x3x8xf32>
}

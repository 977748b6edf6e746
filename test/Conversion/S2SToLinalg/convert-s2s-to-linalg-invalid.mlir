// RUN: s2s-opt %s --convert-s2s-to-linalg -split-input-file -verify-diagnostics

// The lowering needs static shapes: an s2s op with a dynamic dimension is
// reported, naming the first dynamic operand, and the pass fails. One case per
// op family.

/// A dynamic sequence length.
func.func @rnn_dynamic_sequence(%x: tensor<?x3x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>) -> (tensor<?x3x6xf32>, tensor<1x3x6xf32>) {
  // expected-error @+1 {{'s2s.rnn' op cannot be lowered to linalg yet: operand #0 has the dynamic type 'tensor<?x3x4xf32>'; the lowering needs static shapes}}
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<?x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<?x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<?x3x6xf32>, tensor<1x3x6xf32>
}

// -----

/// Only the initial state is dynamic: the diagnostic names its operand.
func.func @lstm_dynamic_h0(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x24x4xf32>,
    %w_hh: tensor<1x24x6xf32>, %h0: tensor<1x?x6xf32>)
    -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>) {
  // expected-error @+1 {{'s2s.lstm' op cannot be lowered to linalg yet: operand #3 has the dynamic type 'tensor<1x?x6xf32>'}}
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh h0(%h0) hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>,
         tensor<1x?x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n, %c_n
      : tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>
}

// -----

func.func @gru_dynamic_seq_lens(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x18x4xf32>, %w_hh: tensor<1x18x6xf32>,
    %seq_lens: tensor<?xi64>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  // expected-error @+1 {{'s2s.gru' op cannot be lowered to linalg yet: operand #3 has the dynamic type 'tensor<?xi64>'}}
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh seq_lens(%seq_lens) hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>,
         tensor<?xi64>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// -----

func.func @gru_cell_dynamic_batch(%x: tensor<?x5xf32>, %h: tensor<?x7xf32>,
    %w_ih: tensor<21x5xf32>, %w_hh: tensor<21x7xf32>) -> tensor<?x7xf32> {
  // expected-error @+1 {{'s2s.gru_cell' op cannot be lowered to linalg yet: operand #0 has the dynamic type 'tensor<?x5xf32>'}}
  %h_next = s2s.gru_cell %x, %h, %w_ih, %w_hh
      : (tensor<?x5xf32>, tensor<?x7xf32>, tensor<21x5xf32>, tensor<21x7xf32>)
      -> tensor<?x7xf32>
  return %h_next : tensor<?x7xf32>
}

// -----

func.func @attention_dynamic_keys(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x?x8xf32>, %values: tensor<2x?x6xf32>)
    -> (tensor<2x3x6xf32>, tensor<2x3x?xf32>) {
  // expected-error @+1 {{'s2s.attention' op cannot be lowered to linalg yet: operand #1 has the dynamic type 'tensor<2x?x8xf32>'}}
  %ctx, %weights = s2s.attention dot %query, %keys, %values
      : (tensor<2x3x8xf32>, tensor<2x?x8xf32>, tensor<2x?x6xf32>)
      -> (tensor<2x3x6xf32>, tensor<2x3x?xf32>)
  return %ctx, %weights : tensor<2x3x6xf32>, tensor<2x3x?xf32>
}

// -----

func.func @sdpa_dynamic_mask(%q: tensor<1x4x5x8xf32>, %k: tensor<1x4x12x8xf32>,
    %v: tensor<1x4x12x8xf32>, %mask: tensor<?x12xi1>) -> tensor<1x4x5x8xf32> {
  // expected-error @+1 {{'s2s.scaled_dot_product_attention' op cannot be lowered to linalg yet: operand #3 has the dynamic type 'tensor<?x12xi1>'}}
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<1x4x5x8xf32>, tensor<1x4x12x8xf32>, tensor<1x4x12x8xf32>,
         tensor<?x12xi1>) -> tensor<1x4x5x8xf32>
  return %out : tensor<1x4x5x8xf32>
}

// -----

func.func @mha_dynamic_batch(%x: tensor<?x10x32xf32>, %w_in: tensor<96x32xf32>,
    %w_out: tensor<32x32xf32>) -> tensor<?x10x32xf32> {
  // expected-error @+1 {{'s2s.multi_head_attention' op cannot be lowered to linalg yet: operand #0 has the dynamic type 'tensor<?x10x32xf32>'}}
  %out = s2s.multi_head_attention %x in_proj_weight(%w_in)
      out_proj_weight(%w_out) num_heads(4) batch_first
      : (tensor<?x10x32xf32>, tensor<96x32xf32>, tensor<32x32xf32>)
      -> tensor<?x10x32xf32>
  return %out : tensor<?x10x32xf32>
}

// -----

func.func @linear_dynamic_batch(%x: tensor<?x16xf32>, %w: tensor<12x16xf32>)
    -> tensor<?x12xf32> {
  // expected-error @+1 {{'s2s.linear' op cannot be lowered to linalg yet: operand #0 has the dynamic type 'tensor<?x16xf32>'}}
  %y = s2s.linear %x, %w : (tensor<?x16xf32>, tensor<12x16xf32>) -> tensor<?x12xf32>
  return %y : tensor<?x12xf32>
}

// -----

func.func @layer_norm_dynamic_rows(%x: tensor<?x16xf32>) -> tensor<?x16xf32> {
  // expected-error @+1 {{'s2s.layer_norm' op cannot be lowered to linalg yet: operand #0 has the dynamic type 'tensor<?x16xf32>'}}
  %y = s2s.layer_norm %x normalized_shape([16])
      : (tensor<?x16xf32>) -> tensor<?x16xf32>
  return %y : tensor<?x16xf32>
}

// -----

func.func @embedding_dynamic_tokens(%tokens: tensor<?x3xi64>,
    %table: tensor<20x8xf32>) -> tensor<?x3x8xf32> {
  // expected-error @+1 {{'s2s.embedding' op cannot be lowered to linalg yet: operand #0 has the dynamic type 'tensor<?x3xi64>'}}
  %emb = s2s.embedding %tokens, %table
      : (tensor<?x3xi64>, tensor<20x8xf32>) -> tensor<?x3x8xf32>
  return %emb : tensor<?x3x8xf32>
}

// -----

func.func @argmax_dynamic_vocab(%logits: tensor<3x?xf32>) -> tensor<3xi64> {
  // expected-error @+1 {{'s2s.argmax' op cannot be lowered to linalg yet: operand #0 has the dynamic type 'tensor<3x?xf32>'}}
  %token = s2s.argmax %logits dim(1) : (tensor<3x?xf32>) -> tensor<3xi64>
  return %token : tensor<3xi64>
}

// -----

/// Every dynamic op is reported, not only the first; a static op between them
/// gets no diagnostic.
func.func @every_dynamic_op_reported(%x: tensor<?x16xf32>,
    %w: tensor<16x16xf32>, %s: tensor<4x16xf32>) -> (tensor<?x16xf32>, tensor<4x16xf32>) {
  // expected-error @+1 {{'s2s.linear' op cannot be lowered to linalg yet: operand #0}}
  %a = s2s.linear %x, %w : (tensor<?x16xf32>, tensor<16x16xf32>) -> tensor<?x16xf32>
  %b = s2s.linear %s, %w : (tensor<4x16xf32>, tensor<16x16xf32>) -> tensor<4x16xf32>
  // expected-error @+1 {{'s2s.layer_norm' op cannot be lowered to linalg yet: operand #0}}
  %c = s2s.layer_norm %a normalized_shape([16])
      : (tensor<?x16xf32>) -> tensor<?x16xf32>
  return %c, %b : tensor<?x16xf32>, tensor<4x16xf32>
}

// RUN: s2s-opt %s --convert-s2s-to-linalg -split-input-file -verify-diagnostics

// Batch and sequence dimensions may be dynamic; feature, head and weight
// dimensions must be static. An s2s op with another dynamic dimension is
// reported, naming the operand and the dimension, and the pass fails. One
// case per op family.

/// A dynamic input size.
func.func @rnn_dynamic_input_size(%x: tensor<5x3x?xf32>,
    %w_ih: tensor<1x6x4xf32>, %w_hh: tensor<1x6x6xf32>)
    -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  // expected-error @+1 {{'s2s.rnn' op cannot be lowered to linalg: dimension 2 of operand 'x' (type 'tensor<5x3x?xf32>') is dynamic; only batch and sequence dimensions may be dynamic, feature, head and weight dimensions must be static}}
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<5x3x?xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// -----

/// A weight with a dynamic dimension.
func.func @lstm_dynamic_weight(%x: tensor<?x?x4xf32>,
    %w_ih: tensor<1x24x4xf32>, %w_hh: tensor<1x?x6xf32>)
    -> (tensor<?x?x6xf32>, tensor<1x?x6xf32>, tensor<1x?x6xf32>) {
  // expected-error @+1 {{'s2s.lstm' op cannot be lowered to linalg: dimension 1 of operand #2 (type 'tensor<1x?x6xf32>') is dynamic}}
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<?x?x4xf32>, tensor<1x24x4xf32>, tensor<1x?x6xf32>)
      -> (tensor<?x?x6xf32>, tensor<1x?x6xf32>, tensor<1x?x6xf32>)
  return %y, %h_n, %c_n
      : tensor<?x?x6xf32>, tensor<1x?x6xf32>, tensor<1x?x6xf32>
}

// -----

/// The hidden size of a cell's state.
func.func @gru_cell_dynamic_hidden(%x: tensor<?x5xf32>, %h: tensor<?x?xf32>,
    %w_ih: tensor<21x5xf32>, %w_hh: tensor<21x7xf32>) -> tensor<?x?xf32> {
  // expected-error @+1 {{'s2s.gru_cell' op cannot be lowered to linalg: dimension 1 of operand 'h' (type 'tensor<?x?xf32>') is dynamic}}
  %h1 = s2s.gru_cell %x, %h, %w_ih, %w_hh
      : (tensor<?x5xf32>, tensor<?x?xf32>, tensor<21x5xf32>, tensor<21x7xf32>)
      -> tensor<?x?xf32>
  return %h1 : tensor<?x?xf32>
}

// -----

/// The feature size of the keys.
func.func @attention_dynamic_features(%query: tensor<?x?x8xf32>,
    %keys: tensor<?x?x?xf32>, %values: tensor<?x?x8xf32>)
    -> (tensor<?x?x8xf32>, tensor<?x?x?xf32>) {
  // expected-error @+1 {{'s2s.attention' op cannot be lowered to linalg: dimension 2 of operand 'keys' (type 'tensor<?x?x?xf32>') is dynamic}}
  %ctx, %w = s2s.attention dot %query, %keys, %values
      : (tensor<?x?x8xf32>, tensor<?x?x?xf32>, tensor<?x?x8xf32>)
      -> (tensor<?x?x8xf32>, tensor<?x?x?xf32>)
  return %ctx, %w : tensor<?x?x8xf32>, tensor<?x?x?xf32>
}

// -----

/// The number of heads.
func.func @sdpa_dynamic_heads(%q: tensor<1x?x5x8xf32>, %k: tensor<1x4x12x8xf32>,
    %v: tensor<1x4x12x8xf32>) -> tensor<1x?x5x8xf32> {
  // expected-error @+1 {{'s2s.scaled_dot_product_attention' op cannot be lowered to linalg: dimension 1 of operand 'query' (type 'tensor<1x?x5x8xf32>') is dynamic}}
  %out = s2s.scaled_dot_product_attention %q, %k, %v
      : (tensor<1x?x5x8xf32>, tensor<1x4x12x8xf32>, tensor<1x4x12x8xf32>)
      -> tensor<1x?x5x8xf32>
  return %out : tensor<1x?x5x8xf32>
}

// -----

/// The embedding size.
func.func @mha_dynamic_embedding(%x: tensor<?x10x?xf32>,
    %w_in: tensor<96x32xf32>, %w_out: tensor<32x32xf32>)
    -> tensor<?x10x?xf32> {
  // expected-error @+1 {{'s2s.multi_head_attention' op cannot be lowered to linalg: dimension 2 of operand 'query' (type 'tensor<?x10x?xf32>') is dynamic}}
  %out = s2s.multi_head_attention %x in_proj_weight(%w_in)
      out_proj_weight(%w_out) num_heads(4) batch_first
      : (tensor<?x10x?xf32>, tensor<96x32xf32>, tensor<32x32xf32>)
      -> tensor<?x10x?xf32>
  return %out : tensor<?x10x?xf32>
}

// -----

/// The input features of a linear layer.
func.func @linear_dynamic_features(%x: tensor<4x?xf32>,
    %w: tensor<12x16xf32>) -> tensor<4x12xf32> {
  // expected-error @+1 {{'s2s.linear' op cannot be lowered to linalg: dimension 1 of operand 'input' (type 'tensor<4x?xf32>') is dynamic}}
  %y = s2s.linear %x, %w : (tensor<4x?xf32>, tensor<12x16xf32>)
      -> tensor<4x12xf32>
  return %y : tensor<4x12xf32>
}

// -----

/// A normalized dimension.
func.func @layer_norm_dynamic_normalized(%x: tensor<?x?xf32>)
    -> tensor<?x?xf32> {
  // expected-error @+1 {{'s2s.layer_norm' op cannot be lowered to linalg: dimension 1 of operand 'input' (type 'tensor<?x?xf32>') is dynamic}}
  %y = s2s.layer_norm %x normalized_shape([16])
      : (tensor<?x?xf32>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}

// -----

/// The rows of an embedding table: a weight, static (an empty table is
/// refused by the verifier, not read at run time).
func.func @embedding_dynamic_rows(%tokens: tensor<?xi64>,
    %table: tensor<?x8xf32>) -> tensor<?x8xf32> {
  // expected-error @+1 {{'s2s.embedding' op cannot be lowered to linalg: dimension 0 of operand #1 (type 'tensor<?x8xf32>') is dynamic}}
  %emb = s2s.embedding %tokens, %table : (tensor<?xi64>, tensor<?x8xf32>)
      -> tensor<?x8xf32>
  return %emb : tensor<?x8xf32>
}

// -----

/// Dimensions a shape rule ties, one static and one dynamic: the batch of
/// a cell's state and of its input.
func.func @lstm_cell_mixed_batch(%x: tensor<?x5xf32>, %h: tensor<3x7xf32>,
    %c: tensor<3x7xf32>, %w_ih: tensor<28x5xf32>, %w_hh: tensor<28x7xf32>)
    -> tensor<3x7xf32> {
  // expected-error @+1 {{'s2s.lstm_cell' op cannot be lowered to linalg: dimension 0 of 'h' (type tensor<3x7xf32>) is static, but dimension 0 of 'x' (type tensor<?x5xf32>), which must equal it, is dynamic; write both static or both dynamic}}
  %h1, %c1 = s2s.lstm_cell %x, %h, %c, %w_ih, %w_hh
      : (tensor<?x5xf32>, tensor<3x7xf32>, tensor<3x7xf32>, tensor<28x5xf32>,
         tensor<28x7xf32>) -> (tensor<3x7xf32>, tensor<3x7xf32>)
  return %h1 : tensor<3x7xf32>
}

// -----

/// seq_lens with a dynamic length for a static batch.
func.func @lstm_mixed_seq_lens(%x: tensor<10x16x32xf32>,
    %w_ih: tensor<1x128x32xf32>, %w_hh: tensor<1x128x32xf32>,
    %seq_lens: tensor<?xi64>) -> tensor<10x16x32xf32> {
  // expected-error @+1 {{'s2s.lstm' op cannot be lowered to linalg: dimension 1 of 'x' (type tensor<10x16x32xf32>) is static, but dimension 0 of 'seq_lens' (type tensor<?xi64>), which must equal it, is dynamic}}
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh seq_lens(%seq_lens)
      hidden_size(32)
      : (tensor<10x16x32xf32>, tensor<1x128x32xf32>, tensor<1x128x32xf32>,
         tensor<?xi64>)
      -> (tensor<10x16x32xf32>, tensor<1x16x32xf32>, tensor<1x16x32xf32>)
  return %y : tensor<10x16x32xf32>
}

// -----

/// Every such op is reported, not only the first; ops with dynamic batch
/// and sequence dimensions only get no diagnostic.
func.func @every_op_reported(%x: tensor<4x?xf32>, %w: tensor<16x16xf32>,
    %s: tensor<?x?x16xf32>, %r: tensor<?x?xf32>)
    -> (tensor<4x16xf32>, tensor<?x?x16xf32>, tensor<?x?xf32>) {
  // expected-error @+1 {{'s2s.linear' op cannot be lowered to linalg: dimension 1 of operand 'input'}}
  %a = s2s.linear %x, %w : (tensor<4x?xf32>, tensor<16x16xf32>)
      -> tensor<4x16xf32>
  %b = s2s.linear %s, %w : (tensor<?x?x16xf32>, tensor<16x16xf32>)
      -> tensor<?x?x16xf32>
  // expected-error @+1 {{'s2s.layer_norm' op cannot be lowered to linalg: dimension 1 of operand 'input'}}
  %c = s2s.layer_norm %r normalized_shape([16])
      : (tensor<?x?xf32>) -> tensor<?x?xf32>
  return %a, %b, %c : tensor<4x16xf32>, tensor<?x?x16xf32>, tensor<?x?xf32>
}

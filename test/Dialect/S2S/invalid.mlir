// RUN: s2s-opt %s -split-input-file -verify-diagnostics

// One case per error path of the s2s verifier (lib/Dialect/S2S/IR/S2SOps.cpp),
// plus a few ODS constraint, parser and result type inference failures. Each
// expected-error pins the whole message, including the expected and the
// actual shape.

func.func @rnn_w_ih_input_size(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x6x5xf32>,
    %w_hh: tensor<1x6x6xf32>) {
  // expected-error @+1 {{'s2s.rnn' op operand 'w_ih' must have shape [D, H, I] = [1, 6, 4], but has [1, 6, 5] (D = 1, H = 6, I = 4, B = 3)}}
  %0:2 = s2s.rnn %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x6x5xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// A bidirectional layer stacks two directions: D = 2.
func.func @rnn_w_ih_num_directions(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x6x4xf32>, %w_hh: tensor<2x6x6xf32>) {
  // expected-error @+1 {{'s2s.rnn' op operand 'w_ih' must have shape [D, H, I] = [2, 6, 4], but has [1, 6, 4] (D = 2, H = 6, I = 4, B = 3)}}
  %0:2 = s2s.rnn %x, %w_ih, %w_hh hidden_size(6) direction bidirectional
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<2x6x6xf32>)
      -> (tensor<5x3x12xf32>, tensor<2x3x6xf32>)
  return
}

// -----

// An LSTM needs 4*H rows of input weights.
func.func @lstm_w_ih_gates(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x24x6xf32>) {
  // expected-error @+1 {{'s2s.lstm' op operand 'w_ih' must have shape [D, 4*H, I] = [1, 24, 4], but has [1, 6, 4] (D = 1, H = 6, I = 4, B = 3)}}
  %0:3 = s2s.lstm %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x24x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// A GRU needs 3*H rows of input weights.
func.func @gru_w_ih_gates(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x24x4xf32>,
    %w_hh: tensor<1x18x6xf32>) {
  // expected-error @+1 {{'s2s.gru' op operand 'w_ih' must have shape [D, 3*H, I] = [1, 18, 4], but has [1, 24, 4] (D = 1, H = 6, I = 4, B = 3)}}
  %0:2 = s2s.gru %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x18x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @rnn_w_ih_element_type(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x6x4xf16>, %w_hh: tensor<1x6x6xf32>) {
  // expected-error @+1 {{'s2s.rnn' op operand 'w_ih' must have element type 'f32' (that of 'x'), but has 'f16'}}
  %0:2 = s2s.rnn %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x6x4xf16>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @rnn_w_hh_shape(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x4xf32>) {
  // expected-error @+1 {{'s2s.rnn' op operand 'w_hh' must have shape [D, H, H] = [1, 6, 6], but has [1, 6, 4] (D = 1, H = 6, I = 4, B = 3)}}
  %0:2 = s2s.rnn %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x4xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// LSTM peepholes hold p_i, p_f, p_o per direction.
func.func @lstm_peepholes_shape(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x24x4xf32>,
    %w_hh: tensor<1x24x6xf32>, %p: tensor<1x12xf32>) {
  // expected-error @+1 {{'s2s.lstm' op operand 'peepholes' must have shape [D, 3*H] = [1, 18], but has [1, 12] (D = 1, H = 6, I = 4, B = 3)}}
  %0:3 = s2s.lstm %x, %w_ih, %w_hh peepholes(%p) hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>,
         tensor<1x12xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @gru_clip_not_positive(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x18x4xf32>, %w_hh: tensor<1x18x6xf32>) {
  // expected-error @+1 {{'s2s.gru' op attribute 'clip' must be positive, but is -1}}
  %0:2 = s2s.gru %x, %w_ih, %w_hh hidden_size(6) clip(-1.0)
      : (tensor<5x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @lstm_w_hh_shape(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x24x4xf32>,
    %w_hh: tensor<1x24x7xf32>) {
  // expected-error @+1 {{'s2s.lstm' op operand 'w_hh' must have shape [D, 4*H, H] = [1, 24, 6], but has [1, 24, 7] (D = 1, H = 6, I = 4, B = 3)}}
  %0:3 = s2s.lstm %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x7xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @gru_w_hh_shape(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x18x4xf32>,
    %w_hh: tensor<1x24x6xf32>) {
  // expected-error @+1 {{'s2s.gru' op operand 'w_hh' must have shape [D, 3*H, H] = [1, 18, 6], but has [1, 24, 6] (D = 1, H = 6, I = 4, B = 3)}}
  %0:2 = s2s.gru %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x18x4xf32>, tensor<1x24x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @lstm_w_hh_element_type(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x24x4xf32>, %w_hh: tensor<1x24x6xbf16>) {
  // expected-error @+1 {{'s2s.lstm' op operand 'w_hh' must have element type 'f32' (that of 'x'), but has 'bf16'}}
  %0:3 = s2s.lstm %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xbf16>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @rnn_b_ih_without_b_hh(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x6x4xf32>, %w_hh: tensor<1x6x6xf32>, %b_ih: tensor<1x6xf32>)
    {
  // expected-error @+1 {{'s2s.rnn' op operands 'b_ih' and 'b_hh' must be given together, but only 'b_ih' is present}}
  %0:2 = s2s.rnn %x, %w_ih, %w_hh b_ih(%b_ih) hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>,
      tensor<1x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @lstm_b_hh_without_b_ih(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x24x4xf32>, %w_hh: tensor<1x24x6xf32>,
    %b_hh: tensor<1x24xf32>) {
  // expected-error @+1 {{'s2s.lstm' op operands 'b_ih' and 'b_hh' must be given together, but only 'b_hh' is present}}
  %0:3 = s2s.lstm %x, %w_ih, %w_hh b_hh(%b_hh) hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>,
      tensor<1x24xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>,
      tensor<1x3x6xf32>)
  return
}

// -----

func.func @lstm_b_ih_shape(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x24x4xf32>,
    %w_hh: tensor<1x24x6xf32>, %b_ih: tensor<1x6xf32>, %b_hh: tensor<1x24xf32>)
    {
  // expected-error @+1 {{'s2s.lstm' op operand 'b_ih' must have shape [D, 4*H] = [1, 24], but has [1, 6] (D = 1, H = 6, I = 4, B = 3)}}
  %0:3 = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>,
      tensor<1x6xf32>, tensor<1x24xf32>) -> (tensor<5x3x6xf32>,
      tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @gru_b_ih_element_type(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x18x4xf32>, %w_hh: tensor<1x18x6xf32>,
    %b_ih: tensor<1x18xf64>, %b_hh: tensor<1x18xf32>) {
  // expected-error @+1 {{'s2s.gru' op operand 'b_ih' must have element type 'f32' (that of 'x'), but has 'f64'}}
  %0:2 = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>,
      tensor<1x18xf64>, tensor<1x18xf32>) -> (tensor<5x3x6xf32>,
      tensor<1x3x6xf32>)
  return
}

// -----

func.func @gru_b_hh_shape(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x18x4xf32>,
    %w_hh: tensor<1x18x6xf32>, %b_ih: tensor<1x18xf32>, %b_hh: tensor<2x18xf32>)
    {
  // expected-error @+1 {{'s2s.gru' op operand 'b_hh' must have shape [D, 3*H] = [1, 18], but has [2, 18] (D = 1, H = 6, I = 4, B = 3)}}
  %0:2 = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>,
      tensor<1x18xf32>, tensor<2x18xf32>) -> (tensor<5x3x6xf32>,
      tensor<1x3x6xf32>)
  return
}

// -----

func.func @rnn_b_hh_element_type(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x6x4xf32>, %w_hh: tensor<1x6x6xf32>, %b_ih: tensor<1x6xf32>,
    %b_hh: tensor<1x6xf16>) {
  // expected-error @+1 {{'s2s.rnn' op operand 'b_hh' must have element type 'f32' (that of 'x'), but has 'f16'}}
  %0:2 = s2s.rnn %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>,
      tensor<1x6xf32>, tensor<1x6xf16>) -> (tensor<5x3x6xf32>,
      tensor<1x3x6xf32>)
  return
}

// -----

func.func @rnn_h0_batch(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>, %h0: tensor<1x4x6xf32>) {
  // expected-error @+1 {{'s2s.rnn' op operand 'h0' must have shape [D, B, H] = [1, 3, 6], but has [1, 4, 6] (D = 1, H = 6, I = 4, B = 3)}}
  %0:2 = s2s.rnn %x, %w_ih, %w_hh h0(%h0) hidden_size(6) : (tensor<5x3x4xf32>,
      tensor<1x6x4xf32>, tensor<1x6x6xf32>, tensor<1x4x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// With batch_first, x is [B, T, I]: B = 3, and h0 is still [D, B, H].
func.func @gru_h0_batch_first(%x: tensor<3x5x4xf32>, %w_ih: tensor<1x18x4xf32>,
    %w_hh: tensor<1x18x6xf32>, %h0: tensor<1x5x6xf32>) {
  // expected-error @+1 {{'s2s.gru' op operand 'h0' must have shape [D, B, H] = [1, 3, 6], but has [1, 5, 6] (D = 1, H = 6, I = 4, B = 3)}}
  %0:2 = s2s.gru %x, %w_ih, %w_hh h0(%h0) hidden_size(6) batch_first
      : (tensor<3x5x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>,
      tensor<1x5x6xf32>) -> (tensor<3x5x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @lstm_h0_num_directions(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<2x24x4xf32>, %w_hh: tensor<2x24x6xf32>,
    %h0: tensor<1x3x6xf32>) {
  // expected-error @+1 {{'s2s.lstm' op operand 'h0' must have shape [D, B, H] = [2, 3, 6], but has [1, 3, 6] (D = 2, H = 6, I = 4, B = 3)}}
  %0:3 = s2s.lstm %x, %w_ih, %w_hh h0(%h0) hidden_size(6)
      direction bidirectional : (tensor<5x3x4xf32>, tensor<2x24x4xf32>,
      tensor<2x24x6xf32>, tensor<1x3x6xf32>) -> (tensor<5x3x12xf32>,
      tensor<2x3x6xf32>, tensor<2x3x6xf32>)
  return
}

// -----

func.func @rnn_h0_element_type(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>, %h0: tensor<1x3x6xf16>) {
  // expected-error @+1 {{'s2s.rnn' op operand 'h0' must have element type 'f32' (that of 'x'), but has 'f16'}}
  %0:2 = s2s.rnn %x, %w_ih, %w_hh h0(%h0) hidden_size(6) : (tensor<5x3x4xf32>,
      tensor<1x6x4xf32>, tensor<1x6x6xf32>, tensor<1x3x6xf16>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @lstm_c0_shape(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x24x4xf32>,
    %w_hh: tensor<1x24x6xf32>, %h0: tensor<1x3x6xf32>, %c0: tensor<1x3x5xf32>) {
  // expected-error @+1 {{'s2s.lstm' op operand 'c0' must have shape [D, B, H] = [1, 3, 6], but has [1, 3, 5] (D = 1, H = 6, I = 4, B = 3)}}
  %0:3 = s2s.lstm %x, %w_ih, %w_hh h0(%h0) c0(%c0) hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>,
      tensor<1x3x6xf32>, tensor<1x3x5xf32>) -> (tensor<5x3x6xf32>,
      tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @lstm_c0_element_type(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x24x4xf32>, %w_hh: tensor<1x24x6xf32>,
    %c0: tensor<1x3x6xf64>) {
  // expected-error @+1 {{'s2s.lstm' op operand 'c0' must have element type 'f32' (that of 'x'), but has 'f64'}}
  %0:3 = s2s.lstm %x, %w_ih, %w_hh c0(%c0) hidden_size(6) : (tensor<5x3x4xf32>,
      tensor<1x24x4xf32>, tensor<1x24x6xf32>, tensor<1x3x6xf64>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @rnn_seq_lens_shape(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>, %seq_lens: tensor<5xi64>) {
  // expected-error @+1 {{'s2s.rnn' op operand 'seq_lens' must have shape [B] = [3], but has [5] (D = 1, H = 6, I = 4, B = 3)}}
  %0:2 = s2s.rnn %x, %w_ih, %w_hh seq_lens(%seq_lens) hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>, tensor<5xi64>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @gru_seq_lens_batch_first(%x: tensor<3x5x4xf32>,
    %w_ih: tensor<1x18x4xf32>, %w_hh: tensor<1x18x6xf32>,
    %seq_lens: tensor<5xi32>) {
  // expected-error @+1 {{'s2s.gru' op operand 'seq_lens' must have shape [B] = [3], but has [5] (D = 1, H = 6, I = 4, B = 3)}}
  %0:2 = s2s.gru %x, %w_ih, %w_hh seq_lens(%seq_lens) hidden_size(6) batch_first
      : (tensor<3x5x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>,
      tensor<5xi32>) -> (tensor<3x5x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// ODS: seq_lens holds i32 or i64 lengths.
func.func @rnn_seq_lens_float(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>, %seq_lens: tensor<3xf32>) {
  // expected-error @+1 {{'s2s.rnn' op operand #3 must be 1D tensor of 32-bit signless integer or 64-bit signless integer values, but got 'tensor<3xf32>'}}
  %0:2 = s2s.rnn %x, %w_ih, %w_hh seq_lens(%seq_lens) hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>, tensor<3xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// ODS: x is rank 3.
func.func @rnn_x_rank(%x: tensor<5x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>) {
  // expected-error @+1 {{'s2s.rnn' op operand #0 must be 3D tensor of floating-point values, but got 'tensor<5x4xf32>'}}
  %0:2 = s2s.rnn %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<5x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// ODS: x is floating-point.
func.func @lstm_x_integer(%x: tensor<5x3x4xi32>, %w_ih: tensor<1x24x4xf32>,
    %w_hh: tensor<1x24x6xf32>) {
  // expected-error @+1 {{'s2s.lstm' op operand #0 must be 3D tensor of floating-point values, but got 'tensor<5x3x4xi32>'}}
  %0:3 = s2s.lstm %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<5x3x4xi32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// ODS: h0 is rank 3.
func.func @gru_h0_rank(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x18x4xf32>,
    %w_hh: tensor<1x18x6xf32>, %h0: tensor<3x6xf32>) {
  // expected-error @+1 {{'s2s.gru' op operand #3 must be 3D tensor of floating-point values, but got 'tensor<3x6xf32>'}}
  %0:2 = s2s.gru %x, %w_ih, %w_hh h0(%h0) hidden_size(6) : (tensor<5x3x4xf32>,
      tensor<1x18x4xf32>, tensor<1x18x6xf32>, tensor<3x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// ODS: hidden_size is positive.
func.func @rnn_hidden_size_zero(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x0x4xf32>,
    %w_hh: tensor<1x0x0xf32>) {
  // expected-error @+1 {{'s2s.rnn' op attribute 'hidden_size' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0:2 = s2s.rnn %x, %w_ih, %w_hh hidden_size(0)
      : (tensor<5x3x4xf32>, tensor<1x0x4xf32>, tensor<1x0x0xf32>)
      -> (tensor<5x3x0xf32>, tensor<1x3x0xf32>)
  return
}

// -----

func.func @lstm_hidden_size_negative(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x24x4xf32>, %w_hh: tensor<1x24x6xf32>) {
  // expected-error @+1 {{'s2s.lstm' op attribute 'hidden_size' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0:3 = s2s.lstm %x, %w_ih, %w_hh hidden_size(-6)
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// Generic form: the required attribute hidden_size is absent.
func.func @rnn_missing_hidden_size(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x6x4xf32>, %w_hh: tensor<1x6x6xf32>) {
  // expected-error @+1 {{'s2s.rnn' op requires attribute 'hidden_size'}}
  %0:2 = "s2s.rnn"(%x, %w_ih, %w_hh)
      <{operandSegmentSizes = array<i32: 1, 1, 1, 0, 0, 0, 0>}>
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// The declared result types disagree with the inferred ones.
func.func @rnn_result_hidden_size(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x6x4xf32>, %w_hh: tensor<1x6x6xf32>) {
  // expected-error @+2 {{'s2s.rnn' op inferred type(s) 'tensor<5x3x6xf32>', 'tensor<1x3x6xf32>' are incompatible with return type(s) of operation 'tensor<5x3x7xf32>', 'tensor<1x3x6xf32>'}}
  // expected-error @+1 {{'s2s.rnn' op failed to infer returned types}}
  %0:2 = s2s.rnn %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x7xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// A bidirectional layer returns y : [T, B, 2*H].
func.func @rnn_result_bidirectional(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<2x6x4xf32>, %w_hh: tensor<2x6x6xf32>) {
  // expected-error @+2 {{'s2s.rnn' op inferred type(s) 'tensor<5x3x12xf32>', 'tensor<2x3x6xf32>' are incompatible with return type(s) of operation 'tensor<5x3x6xf32>', 'tensor<2x3x6xf32>'}}
  // expected-error @+1 {{'s2s.rnn' op failed to infer returned types}}
  %0:2 = s2s.rnn %x, %w_ih, %w_hh hidden_size(6) direction bidirectional
      : (tensor<5x3x4xf32>, tensor<2x6x4xf32>, tensor<2x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<2x3x6xf32>)
  return
}

// -----

// With batch_first, y is [B, T, D*H].
func.func @lstm_result_batch_first(%x: tensor<3x5x4xf32>,
    %w_ih: tensor<1x24x4xf32>, %w_hh: tensor<1x24x6xf32>) {
  // expected-error @+2 {{'s2s.lstm' op inferred type(s) 'tensor<3x5x6xf32>', 'tensor<1x3x6xf32>', 'tensor<1x3x6xf32>' are incompatible with return type(s) of operation 'tensor<5x3x6xf32>', 'tensor<1x3x6xf32>', 'tensor<1x3x6xf32>'}}
  // expected-error @+1 {{'s2s.lstm' op failed to infer returned types}}
  %0:3 = s2s.lstm %x, %w_ih, %w_hh hidden_size(6) batch_first
      : (tensor<3x5x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// Parser: an unknown enum keyword.
func.func @rnn_unknown_direction(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x6x4xf32>, %w_hh: tensor<1x6x6xf32>) {
  // expected-error @+2 {{custom op 's2s.rnn' expected ::mlir::s2s::Direction to be one of: forward, reverse, bidirectional}}
  // expected-error @+2 {{custom op 's2s.rnn' failed to parse S2S_DirectionAttr parameter 'value' which is to be a `::mlir::s2s::Direction`}}
  %0:2 = s2s.rnn %x, %w_ih, %w_hh hidden_size(6) direction sideways
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// h_n of a bidirectional layer is [2, B, H].
func.func @gru_result_num_directions(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<2x18x4xf32>, %w_hh: tensor<2x18x6xf32>) {
  // expected-error @+2 {{'s2s.gru' op inferred type(s) 'tensor<5x3x12xf32>', 'tensor<2x3x6xf32>' are incompatible with return type(s) of operation 'tensor<5x3x12xf32>', 'tensor<1x3x6xf32>'}}
  // expected-error @+1 {{'s2s.gru' op failed to infer returned types}}
  %0:2 = s2s.gru %x, %w_ih, %w_hh hidden_size(6) direction bidirectional
      : (tensor<5x3x4xf32>, tensor<2x18x4xf32>, tensor<2x18x6xf32>)
      -> (tensor<5x3x12xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @recurrence_x_gates_shape(%x_gates: tensor<5x3x7xf32>,
    %w_hh: tensor<1x6x6xf32>) {
  // expected-error @+1 {{'s2s.recurrence' op operand 'x_gates' must have shape [T, B, D*G*H] = [5, 3, 6], but has [5, 3, 7] (T = 5, B = 3, D = 1, H = 6, G = 1)}}
  %0:2 = s2s.recurrence rnn %x_gates, %w_hh hidden_size(6)
      : (tensor<5x3x7xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// A bidirectional LSTM has the gates of both directions: D*G*H = 2*4*6.
func.func @recurrence_x_gates_num_directions(%x_gates: tensor<5x3x24xf32>,
    %w_hh: tensor<2x24x6xf32>) {
  // expected-error @+1 {{'s2s.recurrence' op operand 'x_gates' must have shape [T, B, D*G*H] = [5, 3, 48], but has [5, 3, 24] (T = 5, B = 3, D = 2, H = 6, G = 4)}}
  %0:3 = s2s.recurrence lstm %x_gates, %w_hh hidden_size(6)
      direction bidirectional
      : (tensor<5x3x24xf32>, tensor<2x24x6xf32>)
      -> (tensor<5x3x12xf32>, tensor<2x3x6xf32>, tensor<2x3x6xf32>)
  return
}

// -----

// With batch_first, x_gates is [B, T, D*G*H]: B = 3, T = 5.
func.func @recurrence_x_gates_shape_batch_first(%x_gates: tensor<3x5x6xf32>,
    %w_hh: tensor<1x18x6xf32>) {
  // expected-error @+1 {{'s2s.recurrence' op operand 'x_gates' must have shape [B, T, D*G*H] = [3, 5, 18], but has [3, 5, 6] (T = 5, B = 3, D = 1, H = 6, G = 3)}}
  %0:2 = s2s.recurrence gru %x_gates, %w_hh hidden_size(6) batch_first
      : (tensor<3x5x6xf32>, tensor<1x18x6xf32>)
      -> (tensor<3x5x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @recurrence_w_hh_shape(%x_gates: tensor<5x3x24xf32>,
    %w_hh: tensor<1x24x7xf32>) {
  // expected-error @+1 {{'s2s.recurrence' op operand 'w_hh' must have shape [D, 4*H, H] = [1, 24, 6], but has [1, 24, 7] (T = 5, B = 3, D = 1, H = 6, G = 4)}}
  %0:3 = s2s.recurrence lstm %x_gates, %w_hh hidden_size(6)
      : (tensor<5x3x24xf32>, tensor<1x24x7xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @recurrence_w_hh_num_directions(%x_gates: tensor<5x3x12xf32>,
    %w_hh: tensor<1x6x6xf32>) {
  // expected-error @+1 {{'s2s.recurrence' op operand 'w_hh' must have shape [D, H, H] = [2, 6, 6], but has [1, 6, 6] (T = 5, B = 3, D = 2, H = 6, G = 1)}}
  %0:2 = s2s.recurrence rnn %x_gates, %w_hh hidden_size(6)
      direction bidirectional
      : (tensor<5x3x12xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x12xf32>, tensor<2x3x6xf32>)
  return
}

// -----

func.func @recurrence_w_hh_element_type(%x_gates: tensor<5x3x18xf32>,
    %w_hh: tensor<1x18x6xf16>) {
  // expected-error @+1 {{'s2s.recurrence' op operand 'w_hh' must have element type 'f32' (that of 'x_gates'), but has 'f16'}}
  %0:2 = s2s.recurrence gru %x_gates, %w_hh hidden_size(6)
      : (tensor<5x3x18xf32>, tensor<1x18x6xf16>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @recurrence_b_hh_shape(%x_gates: tensor<5x3x18xf32>,
    %w_hh: tensor<1x18x6xf32>, %b_hh: tensor<1x6xf32>) {
  // expected-error @+1 {{'s2s.recurrence' op operand 'b_hh' must have shape [D, 3*H] = [1, 18], but has [1, 6] (T = 5, B = 3, D = 1, H = 6, G = 3)}}
  %0:2 = s2s.recurrence gru %x_gates, %w_hh b_hh(%b_hh) hidden_size(6)
      : (tensor<5x3x18xf32>, tensor<1x18x6xf32>, tensor<1x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @recurrence_b_hh_element_type(%x_gates: tensor<5x3x24xf32>,
    %w_hh: tensor<1x24x6xf32>, %b_hh: tensor<1x24xf64>) {
  // expected-error @+1 {{'s2s.recurrence' op operand 'b_hh' must have element type 'f32' (that of 'x_gates'), but has 'f64'}}
  %0:3 = s2s.recurrence lstm %x_gates, %w_hh b_hh(%b_hh) hidden_size(6)
      : (tensor<5x3x24xf32>, tensor<1x24x6xf32>, tensor<1x24xf64>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @recurrence_h0_batch(%x_gates: tensor<5x3x6xf32>,
    %w_hh: tensor<1x6x6xf32>, %h0: tensor<1x4x6xf32>) {
  // expected-error @+1 {{'s2s.recurrence' op operand 'h0' must have shape [D, B, H] = [1, 3, 6], but has [1, 4, 6] (T = 5, B = 3, D = 1, H = 6, G = 1)}}
  %0:2 = s2s.recurrence rnn %x_gates, %w_hh h0(%h0) hidden_size(6)
      : (tensor<5x3x6xf32>, tensor<1x6x6xf32>, tensor<1x4x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// With batch_first, x_gates is [B, T, D*G*H]: B = 3, and h0 is still
// [D, B, H].
func.func @recurrence_h0_batch_first(%x_gates: tensor<3x5x18xf32>,
    %w_hh: tensor<1x18x6xf32>, %h0: tensor<1x5x6xf32>) {
  // expected-error @+1 {{'s2s.recurrence' op operand 'h0' must have shape [D, B, H] = [1, 3, 6], but has [1, 5, 6] (T = 5, B = 3, D = 1, H = 6, G = 3)}}
  %0:2 = s2s.recurrence gru %x_gates, %w_hh h0(%h0) hidden_size(6) batch_first
      : (tensor<3x5x18xf32>, tensor<1x18x6xf32>, tensor<1x5x6xf32>)
      -> (tensor<3x5x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @recurrence_h0_element_type(%x_gates: tensor<5x3x6xf32>,
    %w_hh: tensor<1x6x6xf32>, %h0: tensor<1x3x6xbf16>) {
  // expected-error @+1 {{'s2s.recurrence' op operand 'h0' must have element type 'f32' (that of 'x_gates'), but has 'bf16'}}
  %0:2 = s2s.recurrence rnn %x_gates, %w_hh h0(%h0) hidden_size(6)
      : (tensor<5x3x6xf32>, tensor<1x6x6xf32>, tensor<1x3x6xbf16>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @recurrence_c0_num_directions(%x_gates: tensor<5x3x24xf32>,
    %w_hh: tensor<1x24x6xf32>, %c0: tensor<2x3x6xf32>) {
  // expected-error @+1 {{'s2s.recurrence' op operand 'c0' must have shape [D, B, H] = [1, 3, 6], but has [2, 3, 6] (T = 5, B = 3, D = 1, H = 6, G = 4)}}
  %0:3 = s2s.recurrence lstm %x_gates, %w_hh c0(%c0) hidden_size(6)
      : (tensor<5x3x24xf32>, tensor<1x24x6xf32>, tensor<2x3x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @recurrence_c0_element_type(%x_gates: tensor<5x3x24xf32>,
    %w_hh: tensor<1x24x6xf32>, %c0: tensor<1x3x6xf16>) {
  // expected-error @+1 {{'s2s.recurrence' op operand 'c0' must have element type 'f32' (that of 'x_gates'), but has 'f16'}}
  %0:3 = s2s.recurrence lstm %x_gates, %w_hh c0(%c0) hidden_size(6)
      : (tensor<5x3x24xf32>, tensor<1x24x6xf32>, tensor<1x3x6xf16>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// Only an LSTM has a cell state.
func.func @recurrence_c0_gru(%x_gates: tensor<5x3x18xf32>,
    %w_hh: tensor<1x18x6xf32>, %c0: tensor<1x3x6xf32>) {
  // expected-error @+1 {{'s2s.recurrence' op operand 'c0' is only used by cell 'lstm', not 'gru'}}
  %0:2 = s2s.recurrence gru %x_gates, %w_hh c0(%c0) hidden_size(6)
      : (tensor<5x3x18xf32>, tensor<1x18x6xf32>, tensor<1x3x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @recurrence_c0_rnn(%x_gates: tensor<5x3x6xf32>,
    %w_hh: tensor<1x6x6xf32>, %c0: tensor<1x3x6xf32>) {
  // expected-error @+1 {{'s2s.recurrence' op operand 'c0' is only used by cell 'lstm', not 'rnn'}}
  %0:2 = s2s.recurrence rnn %x_gates, %w_hh c0(%c0) hidden_size(6)
      : (tensor<5x3x6xf32>, tensor<1x6x6xf32>, tensor<1x3x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @recurrence_seq_lens_shape(%x_gates: tensor<3x5x24xf32>,
    %w_hh: tensor<1x24x6xf32>, %seq_lens: tensor<5xi64>) {
  // expected-error @+1 {{'s2s.recurrence' op operand 'seq_lens' must have shape [B] = [3], but has [5] (T = 5, B = 3, D = 1, H = 6, G = 4)}}
  %0:3 = s2s.recurrence lstm %x_gates, %w_hh seq_lens(%seq_lens) hidden_size(6)
      batch_first
      : (tensor<3x5x24xf32>, tensor<1x24x6xf32>, tensor<5xi64>)
      -> (tensor<3x5x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// ODS: seq_lens holds i32 or i64 lengths.
func.func @recurrence_seq_lens_float(%x_gates: tensor<5x3x6xf32>,
    %w_hh: tensor<1x6x6xf32>, %seq_lens: tensor<3xf32>) {
  // expected-error @+1 {{'s2s.recurrence' op operand #2 must be 1D tensor of 32-bit signless integer or 64-bit signless integer values, but got 'tensor<3xf32>'}}
  %0:2 = s2s.recurrence rnn %x_gates, %w_hh seq_lens(%seq_lens) hidden_size(6)
      : (tensor<5x3x6xf32>, tensor<1x6x6xf32>, tensor<3xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// The activation is a parameter of the Elman cell only.
func.func @recurrence_activation_lstm(%x_gates: tensor<5x3x24xf32>,
    %w_hh: tensor<1x24x6xf32>) {
  // expected-error @+1 {{'s2s.recurrence' op attribute 'activation' applies to cell 'rnn' only, not 'lstm'}}
  %0:3 = s2s.recurrence lstm %x_gates, %w_hh hidden_size(6) activation relu
      : (tensor<5x3x24xf32>, tensor<1x24x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @recurrence_activation_gru(%x_gates: tensor<5x3x18xf32>,
    %w_hh: tensor<1x18x6xf32>) {
  // expected-error @+1 {{'s2s.recurrence' op attribute 'activation' applies to cell 'rnn' only, not 'gru'}}
  %0:2 = s2s.recurrence gru %x_gates, %w_hh hidden_size(6) activation relu
      : (tensor<5x3x18xf32>, tensor<1x18x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @recurrence_linear_before_reset_rnn(%x_gates: tensor<5x3x6xf32>,
    %w_hh: tensor<1x6x6xf32>) {
  // expected-error @+1 {{'s2s.recurrence' op attribute 'linear_before_reset' applies to cell 'gru' only, not 'rnn'}}
  %0:2 = s2s.recurrence rnn %x_gates, %w_hh hidden_size(6)
      linear_before_reset(false)
      : (tensor<5x3x6xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

func.func @recurrence_linear_before_reset_lstm(%x_gates: tensor<5x3x24xf32>,
    %w_hh: tensor<1x24x6xf32>) {
  // expected-error @+1 {{'s2s.recurrence' op attribute 'linear_before_reset' applies to cell 'gru' only, not 'lstm'}}
  %0:3 = s2s.recurrence lstm %x_gates, %w_hh hidden_size(6)
      linear_before_reset(false)
      : (tensor<5x3x24xf32>, tensor<1x24x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// ODS: hidden_size is positive.
func.func @recurrence_hidden_size_zero(%x_gates: tensor<5x3x0xf32>,
    %w_hh: tensor<1x0x0xf32>) {
  // expected-error @+1 {{'s2s.recurrence' op attribute 'hidden_size' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0:2 = s2s.recurrence rnn %x_gates, %w_hh hidden_size(0)
      : (tensor<5x3x0xf32>, tensor<1x0x0xf32>)
      -> (tensor<5x3x0xf32>, tensor<1x3x0xf32>)
  return
}

// -----

func.func @recurrence_hidden_size_negative(%x_gates: tensor<5x3x24xf32>,
    %w_hh: tensor<1x24x6xf32>) {
  // expected-error @+1 {{'s2s.recurrence' op attribute 'hidden_size' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0:3 = s2s.recurrence lstm %x_gates, %w_hh hidden_size(-6)
      : (tensor<5x3x24xf32>, tensor<1x24x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// ODS: x_gates is rank 3.
func.func @recurrence_x_gates_rank(%x_gates: tensor<15x6xf32>,
    %w_hh: tensor<1x6x6xf32>) {
  // expected-error @+1 {{'s2s.recurrence' op operand #0 must be 3D tensor of floating-point values, but got 'tensor<15x6xf32>'}}
  %0:2 = s2s.recurrence rnn %x_gates, %w_hh hidden_size(6)
      : (tensor<15x6xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// Generic form: the required attribute cell is absent.
func.func @recurrence_missing_cell(%x_gates: tensor<5x3x6xf32>,
    %w_hh: tensor<1x6x6xf32>) {
  // expected-error @+1 {{'s2s.recurrence' op requires attribute 'cell'}}
  %0:2 = "s2s.recurrence"(%x_gates, %w_hh)
      <{hidden_size = 6 : i64,
        operandSegmentSizes = array<i32: 1, 1, 0, 0, 0, 0>}>
      : (tensor<5x3x6xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// Parser: the cell is rnn, lstm or gru.
func.func @recurrence_unknown_cell(%x_gates: tensor<5x3x6xf32>,
    %w_hh: tensor<1x6x6xf32>) {
  // expected-error @+2 {{custom op 's2s.recurrence' expected ::mlir::s2s::CellKind to be one of: rnn, lstm, gru}}
  // expected-error @+1 {{custom op 's2s.recurrence' failed to parse S2S_CellKindAttr parameter 'value' which is to be a `::mlir::s2s::CellKind`}}
  %0:2 = s2s.recurrence elman %x_gates, %w_hh hidden_size(6)
      : (tensor<5x3x6xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// An LSTM recurrence returns c_n as well.
func.func @recurrence_lstm_two_results(%x_gates: tensor<5x3x24xf32>,
    %w_hh: tensor<1x24x6xf32>) {
  // expected-error @+2 {{'s2s.recurrence' op inferred type(s) 'tensor<5x3x6xf32>', 'tensor<1x3x6xf32>', 'tensor<1x3x6xf32>' are incompatible with return type(s) of operation 'tensor<5x3x6xf32>', 'tensor<1x3x6xf32>'}}
  // expected-error @+1 {{'s2s.recurrence' op failed to infer returned types}}
  %0:2 = s2s.recurrence lstm %x_gates, %w_hh hidden_size(6)
      : (tensor<5x3x24xf32>, tensor<1x24x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// Only an LSTM recurrence returns c_n.
func.func @recurrence_gru_three_results(%x_gates: tensor<5x3x18xf32>,
    %w_hh: tensor<1x18x6xf32>) {
  // expected-error @+2 {{'s2s.recurrence' op inferred type(s) 'tensor<5x3x6xf32>', 'tensor<1x3x6xf32>' are incompatible with return type(s) of operation 'tensor<5x3x6xf32>', 'tensor<1x3x6xf32>', 'tensor<1x3x6xf32>'}}
  // expected-error @+1 {{'s2s.recurrence' op failed to infer returned types}}
  %0:3 = s2s.recurrence gru %x_gates, %w_hh hidden_size(6)
      : (tensor<5x3x18xf32>, tensor<1x18x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// y is [T, B, D*H], not [T, B, D*G*H].
func.func @recurrence_result_hidden_size(%x_gates: tensor<5x3x18xf32>,
    %w_hh: tensor<1x18x6xf32>) {
  // expected-error @+2 {{'s2s.recurrence' op inferred type(s) 'tensor<5x3x6xf32>', 'tensor<1x3x6xf32>' are incompatible with return type(s) of operation 'tensor<5x3x18xf32>', 'tensor<1x3x6xf32>'}}
  // expected-error @+1 {{'s2s.recurrence' op failed to infer returned types}}
  %0:2 = s2s.recurrence gru %x_gates, %w_hh hidden_size(6)
      : (tensor<5x3x18xf32>, tensor<1x18x6xf32>)
      -> (tensor<5x3x18xf32>, tensor<1x3x6xf32>)
  return
}

// -----

// With batch_first, y is [B, T, D*H].
func.func @recurrence_result_batch_first(%x_gates: tensor<3x5x12xf32>,
    %w_hh: tensor<2x6x6xf32>) {
  // expected-error @+2 {{'s2s.recurrence' op inferred type(s) 'tensor<3x5x12xf32>', 'tensor<2x3x6xf32>' are incompatible with return type(s) of operation 'tensor<5x3x12xf32>', 'tensor<2x3x6xf32>'}}
  // expected-error @+1 {{'s2s.recurrence' op failed to infer returned types}}
  %0:2 = s2s.recurrence rnn %x_gates, %w_hh hidden_size(6)
      direction bidirectional batch_first
      : (tensor<3x5x12xf32>, tensor<2x6x6xf32>)
      -> (tensor<5x3x12xf32>, tensor<2x3x6xf32>)
  return
}

// -----

func.func @rnn_cell_h_batch(%x: tensor<3x4xf32>, %h: tensor<2x6xf32>,
    %w_ih: tensor<6x4xf32>, %w_hh: tensor<6x6xf32>) {
  // expected-error @+1 {{'s2s.rnn_cell' op operand 'h' must have shape [B, H] = [3, 6], but has [2, 6] (B = 3, I = 4, H = 6)}}
  %0 = s2s.rnn_cell %x, %h, %w_ih, %w_hh
      : (tensor<3x4xf32>, tensor<2x6xf32>, tensor<6x4xf32>, tensor<6x6xf32>)
      -> tensor<2x6xf32>
  return
}

// -----

func.func @gru_cell_h_element_type(%x: tensor<3x4xf32>, %h: tensor<3x6xf16>,
    %w_ih: tensor<18x4xf32>, %w_hh: tensor<18x6xf32>) {
  // expected-error @+1 {{'s2s.gru_cell' op operand 'h' must have element type 'f32' (that of 'x'), but has 'f16'}}
  %0 = s2s.gru_cell %x, %h, %w_ih, %w_hh
      : (tensor<3x4xf32>, tensor<3x6xf16>, tensor<18x4xf32>, tensor<18x6xf32>)
      -> tensor<3x6xf16>
  return
}

// -----

func.func @lstm_cell_c_shape(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %c: tensor<3x7xf32>, %w_ih: tensor<24x4xf32>, %w_hh: tensor<24x6xf32>) {
  // expected-error @+1 {{'s2s.lstm_cell' op operand 'c' must have shape [B, H] = [3, 6], but has [3, 7] (B = 3, I = 4, H = 6)}}
  %0:2 = s2s.lstm_cell %x, %h, %c, %w_ih, %w_hh : (tensor<3x4xf32>,
      tensor<3x6xf32>, tensor<3x7xf32>, tensor<24x4xf32>, tensor<24x6xf32>)
      -> (tensor<3x6xf32>, tensor<3x6xf32>)
  return
}

// -----

func.func @lstm_cell_c_element_type(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %c: tensor<3x6xf64>, %w_ih: tensor<24x4xf32>, %w_hh: tensor<24x6xf32>) {
  // expected-error @+1 {{'s2s.lstm_cell' op operand 'c' must have element type 'f32' (that of 'x'), but has 'f64'}}
  %0:2 = s2s.lstm_cell %x, %h, %c, %w_ih, %w_hh : (tensor<3x4xf32>,
      tensor<3x6xf32>, tensor<3x6xf64>, tensor<24x4xf32>, tensor<24x6xf32>)
      -> (tensor<3x6xf32>, tensor<3x6xf32>)
  return
}

// -----

func.func @rnn_cell_w_ih_shape(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %w_ih: tensor<6x5xf32>, %w_hh: tensor<6x6xf32>) {
  // expected-error @+1 {{'s2s.rnn_cell' op operand 'w_ih' must have shape [H, I] = [6, 4], but has [6, 5] (B = 3, I = 4, H = 6)}}
  %0 = s2s.rnn_cell %x, %h, %w_ih, %w_hh
      : (tensor<3x4xf32>, tensor<3x6xf32>, tensor<6x5xf32>, tensor<6x6xf32>)
      -> tensor<3x6xf32>
  return
}

// -----

func.func @lstm_cell_w_ih_gates(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %c: tensor<3x6xf32>, %w_ih: tensor<18x4xf32>, %w_hh: tensor<24x6xf32>) {
  // expected-error @+1 {{'s2s.lstm_cell' op operand 'w_ih' must have shape [4*H, I] = [24, 4], but has [18, 4] (B = 3, I = 4, H = 6)}}
  %0:2 = s2s.lstm_cell %x, %h, %c, %w_ih, %w_hh : (tensor<3x4xf32>,
      tensor<3x6xf32>, tensor<3x6xf32>, tensor<18x4xf32>, tensor<24x6xf32>)
      -> (tensor<3x6xf32>, tensor<3x6xf32>)
  return
}

// -----

func.func @gru_cell_w_ih_element_type(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %w_ih: tensor<18x4xbf16>, %w_hh: tensor<18x6xf32>) {
  // expected-error @+1 {{'s2s.gru_cell' op operand 'w_ih' must have element type 'f32' (that of 'x'), but has 'bf16'}}
  %0 = s2s.gru_cell %x, %h, %w_ih, %w_hh : (tensor<3x4xf32>, tensor<3x6xf32>,
      tensor<18x4xbf16>, tensor<18x6xf32>) -> tensor<3x6xf32>
  return
}

// -----

func.func @gru_cell_w_hh_shape(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %w_ih: tensor<18x4xf32>, %w_hh: tensor<18x4xf32>) {
  // expected-error @+1 {{'s2s.gru_cell' op operand 'w_hh' must have shape [3*H, H] = [18, 6], but has [18, 4] (B = 3, I = 4, H = 6)}}
  %0 = s2s.gru_cell %x, %h, %w_ih, %w_hh
      : (tensor<3x4xf32>, tensor<3x6xf32>, tensor<18x4xf32>, tensor<18x4xf32>)
      -> tensor<3x6xf32>
  return
}

// -----

func.func @rnn_cell_w_hh_element_type(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %w_ih: tensor<6x4xf32>, %w_hh: tensor<6x6xf16>) {
  // expected-error @+1 {{'s2s.rnn_cell' op operand 'w_hh' must have element type 'f32' (that of 'x'), but has 'f16'}}
  %0 = s2s.rnn_cell %x, %h, %w_ih, %w_hh
      : (tensor<3x4xf32>, tensor<3x6xf32>, tensor<6x4xf32>, tensor<6x6xf16>)
      -> tensor<3x6xf32>
  return
}

// -----

func.func @lstm_cell_b_ih_without_b_hh(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %c: tensor<3x6xf32>, %w_ih: tensor<24x4xf32>, %w_hh: tensor<24x6xf32>,
    %b_ih: tensor<24xf32>) {
  // expected-error @+1 {{'s2s.lstm_cell' op operands 'b_ih' and 'b_hh' must be given together, but only 'b_ih' is present}}
  %0:2 = s2s.lstm_cell %x, %h, %c, %w_ih, %w_hh b_ih(%b_ih) : (tensor<3x4xf32>,
      tensor<3x6xf32>, tensor<3x6xf32>, tensor<24x4xf32>, tensor<24x6xf32>,
      tensor<24xf32>) -> (tensor<3x6xf32>, tensor<3x6xf32>)
  return
}

// -----

func.func @gru_cell_b_hh_without_b_ih(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %w_ih: tensor<18x4xf32>, %w_hh: tensor<18x6xf32>, %b_hh: tensor<18xf32>) {
  // expected-error @+1 {{'s2s.gru_cell' op operands 'b_ih' and 'b_hh' must be given together, but only 'b_hh' is present}}
  %0 = s2s.gru_cell %x, %h, %w_ih, %w_hh b_hh(%b_hh) : (tensor<3x4xf32>,
      tensor<3x6xf32>, tensor<18x4xf32>, tensor<18x6xf32>, tensor<18xf32>)
      -> tensor<3x6xf32>
  return
}

// -----

func.func @gru_cell_b_ih_shape(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %w_ih: tensor<18x4xf32>, %w_hh: tensor<18x6xf32>, %b_ih: tensor<6xf32>,
    %b_hh: tensor<18xf32>) {
  // expected-error @+1 {{'s2s.gru_cell' op operand 'b_ih' must have shape [3*H] = [18], but has [6] (B = 3, I = 4, H = 6)}}
  %0 = s2s.gru_cell %x, %h, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      : (tensor<3x4xf32>, tensor<3x6xf32>, tensor<18x4xf32>, tensor<18x6xf32>,
      tensor<6xf32>, tensor<18xf32>) -> tensor<3x6xf32>
  return
}

// -----

func.func @rnn_cell_b_ih_element_type(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %w_ih: tensor<6x4xf32>, %w_hh: tensor<6x6xf32>, %b_ih: tensor<6xf16>,
    %b_hh: tensor<6xf32>) {
  // expected-error @+1 {{'s2s.rnn_cell' op operand 'b_ih' must have element type 'f32' (that of 'x'), but has 'f16'}}
  %0 = s2s.rnn_cell %x, %h, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      : (tensor<3x4xf32>, tensor<3x6xf32>, tensor<6x4xf32>, tensor<6x6xf32>,
      tensor<6xf16>, tensor<6xf32>) -> tensor<3x6xf32>
  return
}

// -----

func.func @lstm_cell_b_hh_shape(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %c: tensor<3x6xf32>, %w_ih: tensor<24x4xf32>, %w_hh: tensor<24x6xf32>,
    %b_ih: tensor<24xf32>, %b_hh: tensor<6xf32>) {
  // expected-error @+1 {{'s2s.lstm_cell' op operand 'b_hh' must have shape [4*H] = [24], but has [6] (B = 3, I = 4, H = 6)}}
  %0:2 = s2s.lstm_cell %x, %h, %c, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      : (tensor<3x4xf32>, tensor<3x6xf32>, tensor<3x6xf32>, tensor<24x4xf32>,
      tensor<24x6xf32>, tensor<24xf32>, tensor<6xf32>) -> (tensor<3x6xf32>,
      tensor<3x6xf32>)
  return
}

// -----

func.func @rnn_cell_b_hh_element_type(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %w_ih: tensor<6x4xf32>, %w_hh: tensor<6x6xf32>, %b_ih: tensor<6xf32>,
    %b_hh: tensor<6xf64>) {
  // expected-error @+1 {{'s2s.rnn_cell' op operand 'b_hh' must have element type 'f32' (that of 'x'), but has 'f64'}}
  %0 = s2s.rnn_cell %x, %h, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      : (tensor<3x4xf32>, tensor<3x6xf32>, tensor<6x4xf32>, tensor<6x6xf32>,
      tensor<6xf32>, tensor<6xf64>) -> tensor<3x6xf32>
  return
}

// -----

// Parser: the activation is tanh or relu.
func.func @rnn_cell_unknown_activation(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %w_ih: tensor<6x4xf32>, %w_hh: tensor<6x6xf32>) {
  // expected-error @+2 {{custom op 's2s.rnn_cell' expected ::mlir::s2s::Activation to be one of: tanh, relu}}
  // expected-error @+2 {{custom op 's2s.rnn_cell' failed to parse S2S_ActivationAttr parameter 'value' which is to be a `::mlir::s2s::Activation`}}
  %0 = s2s.rnn_cell %x, %h, %w_ih, %w_hh activation sigmoid
      : (tensor<3x4xf32>, tensor<3x6xf32>, tensor<6x4xf32>, tensor<6x6xf32>)
      -> tensor<3x6xf32>
  return
}

// -----

// ODS: a cell takes one step, x : [B, I].
func.func @rnn_cell_x_rank(%x: tensor<1x3x4xf32>, %h: tensor<3x6xf32>,
    %w_ih: tensor<6x4xf32>, %w_hh: tensor<6x6xf32>) {
  // expected-error @+1 {{'s2s.rnn_cell' op operand #0 must be 2D tensor of floating-point values, but got 'tensor<1x3x4xf32>'}}
  %0 = s2s.rnn_cell %x, %h, %w_ih, %w_hh
      : (tensor<1x3x4xf32>, tensor<3x6xf32>, tensor<6x4xf32>, tensor<6x6xf32>)
      -> tensor<3x6xf32>
  return
}

// -----

// ODS: cell biases are rank 1.
func.func @gru_cell_b_ih_rank(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %w_ih: tensor<18x4xf32>, %w_hh: tensor<18x6xf32>, %b_ih: tensor<1x18xf32>,
    %b_hh: tensor<1x18xf32>) {
  // expected-error @+1 {{'s2s.gru_cell' op operand #4 must be 1D tensor of floating-point values, but got 'tensor<1x18xf32>'}}
  %0 = s2s.gru_cell %x, %h, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      : (tensor<3x4xf32>, tensor<3x6xf32>, tensor<18x4xf32>, tensor<18x6xf32>,
      tensor<1x18xf32>, tensor<1x18xf32>) -> tensor<3x6xf32>
  return
}

// -----

func.func @rnn_cell_result_type(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %w_ih: tensor<6x4xf32>, %w_hh: tensor<6x6xf32>) {
  // expected-error @+2 {{'s2s.rnn_cell' op inferred type(s) 'tensor<3x6xf32>' are incompatible with return type(s) of operation 'tensor<3x6xf16>'}}
  // expected-error @+1 {{'s2s.rnn_cell' op failed to infer returned types}}
  %0 = s2s.rnn_cell %x, %h, %w_ih, %w_hh
      : (tensor<3x4xf32>, tensor<3x6xf32>, tensor<6x4xf32>, tensor<6x6xf32>)
      -> tensor<3x6xf16>
  return
}

// -----

func.func @lstm_cell_result_type(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %c: tensor<3x6xf32>, %w_ih: tensor<24x4xf32>, %w_hh: tensor<24x6xf32>) {
  // expected-error @+2 {{'s2s.lstm_cell' op inferred type(s) 'tensor<3x6xf32>', 'tensor<3x6xf32>' are incompatible with return type(s) of operation 'tensor<3x6xf32>', 'tensor<3x7xf32>'}}
  // expected-error @+1 {{'s2s.lstm_cell' op failed to infer returned types}}
  %0:2 = s2s.lstm_cell %x, %h, %c, %w_ih, %w_hh : (tensor<3x4xf32>,
      tensor<3x6xf32>, tensor<3x6xf32>, tensor<24x4xf32>, tensor<24x6xf32>)
      -> (tensor<3x6xf32>, tensor<3x7xf32>)
  return
}

// -----

func.func @attention_keys_batch(%query: tensor<2x3x8xf32>,
    %keys: tensor<4x5x8xf32>, %values: tensor<2x5x7xf32>) {
  // expected-error @+1 {{'s2s.attention' op operand 'keys' must have shape [B, Tk, Dk] = [2, 5, 8], but has [4, 5, 8] (B = 2, Tq = 3, Dq = 8, Tk = 5, Dk = 8)}}
  %0:2 = s2s.attention dot %query, %keys, %values
      : (tensor<2x3x8xf32>, tensor<4x5x8xf32>, tensor<2x5x7xf32>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

func.func @attention_keys_element_type(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf16>, %values: tensor<2x5x7xf32>) {
  // expected-error @+1 {{'s2s.attention' op operand 'keys' must have element type 'f32' (that of 'query'), but has 'f16'}}
  %0:2 = s2s.attention dot %query, %keys, %values
      : (tensor<2x3x8xf32>, tensor<2x5x8xf16>, tensor<2x5x7xf32>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

// values must have one row per key.
func.func @attention_values_length(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %values: tensor<2x6x7xf32>) {
  // expected-error @+1 {{'s2s.attention' op operand 'values' must have shape [B, Tk, Dv] = [2, 5, 7], but has [2, 6, 7] (B = 2, Tq = 3, Dq = 8, Tk = 5, Dk = 8)}}
  %0:2 = s2s.attention dot %query, %keys, %values
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x6x7xf32>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

func.func @attention_values_element_type(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %values: tensor<2x5x7xf64>) {
  // expected-error @+1 {{'s2s.attention' op operand 'values' must have element type 'f32' (that of 'query'), but has 'f64'}}
  %0:2 = s2s.attention dot %query, %keys, %values
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x7xf64>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

func.func @attention_general_missing_w(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x6xf32>, %values: tensor<2x5x7xf32>) {
  // expected-error @+1 {{'s2s.attention' op score 'general' requires operand 'w'}}
  %0:2 = s2s.attention general %query, %keys, %values
      : (tensor<2x3x8xf32>, tensor<2x5x6xf32>, tensor<2x5x7xf32>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

func.func @attention_additive_missing_w_query(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x6xf32>, %values: tensor<2x5x7xf32>,
    %w_keys: tensor<10x6xf32>, %v: tensor<10xf32>) {
  // expected-error @+1 {{'s2s.attention' op score 'additive' requires operand 'w_query'}}
  %0:2 = s2s.attention additive %query, %keys, %values w_keys(%w_keys) v(%v)
      : (tensor<2x3x8xf32>, tensor<2x5x6xf32>, tensor<2x5x7xf32>,
      tensor<10x6xf32>, tensor<10xf32>) -> (tensor<2x3x7xf32>,
      tensor<2x3x5xf32>)
  return
}

// -----

func.func @attention_additive_missing_w_keys(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x6xf32>, %values: tensor<2x5x7xf32>,
    %w_query: tensor<10x8xf32>, %v: tensor<10xf32>) {
  // expected-error @+1 {{'s2s.attention' op score 'additive' requires operand 'w_keys'}}
  %0:2 = s2s.attention additive %query, %keys, %values w_query(%w_query) v(%v)
      : (tensor<2x3x8xf32>, tensor<2x5x6xf32>, tensor<2x5x7xf32>,
      tensor<10x8xf32>, tensor<10xf32>) -> (tensor<2x3x7xf32>,
      tensor<2x3x5xf32>)
  return
}

// -----

func.func @attention_additive_missing_v(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x6xf32>, %values: tensor<2x5x7xf32>,
    %w_query: tensor<10x8xf32>, %w_keys: tensor<10x6xf32>) {
  // expected-error @+1 {{'s2s.attention' op score 'additive' requires operand 'v'}}
  %0:2 = s2s.attention additive %query, %keys, %values w_query(%w_query)
      w_keys(%w_keys) : (tensor<2x3x8xf32>, tensor<2x5x6xf32>,
      tensor<2x5x7xf32>, tensor<10x8xf32>, tensor<10x6xf32>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

func.func @attention_dot_extra_w(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %values: tensor<2x5x7xf32>, %w: tensor<8x8xf32>) {
  // expected-error @+1 {{'s2s.attention' op operand 'w' is not used by score 'dot'}}
  %0:2 = s2s.attention dot %query, %keys, %values w(%w) : (tensor<2x3x8xf32>,
      tensor<2x5x8xf32>, tensor<2x5x7xf32>, tensor<8x8xf32>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

func.func @attention_dot_extra_w_query(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %values: tensor<2x5x7xf32>,
    %w_query: tensor<10x8xf32>) {
  // expected-error @+1 {{'s2s.attention' op operand 'w_query' is not used by score 'dot'}}
  %0:2 = s2s.attention dot %query, %keys, %values w_query(%w_query)
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x7xf32>,
      tensor<10x8xf32>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

func.func @attention_dot_extra_v(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %values: tensor<2x5x7xf32>, %v: tensor<10xf32>) {
  // expected-error @+1 {{'s2s.attention' op operand 'v' is not used by score 'dot'}}
  %0:2 = s2s.attention dot %query, %keys, %values v(%v) : (tensor<2x3x8xf32>,
      tensor<2x5x8xf32>, tensor<2x5x7xf32>, tensor<10xf32>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

func.func @attention_general_extra_w_keys(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x6xf32>, %values: tensor<2x5x7xf32>, %w: tensor<8x6xf32>,
    %w_keys: tensor<10x6xf32>) {
  // expected-error @+1 {{'s2s.attention' op operand 'w_keys' is not used by score 'general'}}
  %0:2 = s2s.attention general %query, %keys, %values w(%w) w_keys(%w_keys)
      : (tensor<2x3x8xf32>, tensor<2x5x6xf32>, tensor<2x5x7xf32>,
      tensor<8x6xf32>, tensor<10x6xf32>) -> (tensor<2x3x7xf32>,
      tensor<2x3x5xf32>)
  return
}

// -----

func.func @attention_additive_extra_w(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x6xf32>, %values: tensor<2x5x7xf32>, %w: tensor<8x6xf32>,
    %w_query: tensor<10x8xf32>, %w_keys: tensor<10x6xf32>, %v: tensor<10xf32>) {
  // expected-error @+1 {{'s2s.attention' op operand 'w' is not used by score 'additive'}}
  %0:2 = s2s.attention additive %query, %keys, %values w(%w) w_query(%w_query)
      w_keys(%w_keys) v(%v) : (tensor<2x3x8xf32>, tensor<2x5x6xf32>,
      tensor<2x5x7xf32>, tensor<8x6xf32>, tensor<10x8xf32>, tensor<10x6xf32>,
      tensor<10xf32>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

// dot needs Dq == Dk; general or additive would not.
func.func @attention_dot_feature_sizes(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x6xf32>, %values: tensor<2x5x7xf32>) {
  // expected-error @+1 {{'s2s.attention' op score 'dot' needs query and keys of one feature size, but Dq = 8 and Dk = 6}}
  %0:2 = s2s.attention dot %query, %keys, %values
      : (tensor<2x3x8xf32>, tensor<2x5x6xf32>, tensor<2x5x7xf32>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

// w is [Dq, Dk], not transposed.
func.func @attention_general_w_shape(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x6xf32>, %values: tensor<2x5x7xf32>, %w: tensor<6x8xf32>) {
  // expected-error @+1 {{'s2s.attention' op operand 'w' must have shape [Dq, Dk] = [8, 6], but has [6, 8] (B = 2, Tq = 3, Dq = 8, Tk = 5, Dk = 6)}}
  %0:2 = s2s.attention general %query, %keys, %values w(%w)
      : (tensor<2x3x8xf32>, tensor<2x5x6xf32>, tensor<2x5x7xf32>,
      tensor<6x8xf32>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

func.func @attention_general_w_element_type(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x6xf32>, %values: tensor<2x5x7xf32>, %w: tensor<8x6xf16>) {
  // expected-error @+1 {{'s2s.attention' op operand 'w' must have element type 'f32' (that of 'query'), but has 'f16'}}
  %0:2 = s2s.attention general %query, %keys, %values w(%w)
      : (tensor<2x3x8xf32>, tensor<2x5x6xf32>, tensor<2x5x7xf32>,
      tensor<8x6xf16>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

func.func @attention_additive_v_element_type(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x6xf32>, %values: tensor<2x5x7xf32>,
    %w_query: tensor<10x8xf32>, %w_keys: tensor<10x6xf32>, %v: tensor<10xf16>) {
  // expected-error @+1 {{'s2s.attention' op operand 'v' must have element type 'f32' (that of 'query'), but has 'f16'}}
  %0:2 = s2s.attention additive %query, %keys, %values w_query(%w_query)
      w_keys(%w_keys) v(%v) : (tensor<2x3x8xf32>, tensor<2x5x6xf32>,
      tensor<2x5x7xf32>, tensor<10x8xf32>, tensor<10x6xf32>, tensor<10xf16>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

func.func @attention_additive_w_query_shape(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x6xf32>, %values: tensor<2x5x7xf32>,
    %w_query: tensor<10x6xf32>, %w_keys: tensor<10x6xf32>, %v: tensor<10xf32>) {
  // expected-error @+1 {{'s2s.attention' op operand 'w_query' must have shape [A, Dq] = [10, 8], but has [10, 6] (A = 10, Dq = 8, Dk = 6)}}
  %0:2 = s2s.attention additive %query, %keys, %values w_query(%w_query)
      w_keys(%w_keys) v(%v) : (tensor<2x3x8xf32>, tensor<2x5x6xf32>,
      tensor<2x5x7xf32>, tensor<10x6xf32>, tensor<10x6xf32>, tensor<10xf32>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

// The attention size A is read from v.
func.func @attention_additive_w_query_attention_size(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x6xf32>, %values: tensor<2x5x7xf32>,
    %w_query: tensor<12x8xf32>, %w_keys: tensor<10x6xf32>, %v: tensor<10xf32>) {
  // expected-error @+1 {{'s2s.attention' op operand 'w_query' must have shape [A, Dq] = [10, 8], but has [12, 8] (A = 10, Dq = 8, Dk = 6)}}
  %0:2 = s2s.attention additive %query, %keys, %values w_query(%w_query)
      w_keys(%w_keys) v(%v) : (tensor<2x3x8xf32>, tensor<2x5x6xf32>,
      tensor<2x5x7xf32>, tensor<12x8xf32>, tensor<10x6xf32>, tensor<10xf32>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

func.func @attention_additive_w_query_element_type(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x6xf32>, %values: tensor<2x5x7xf32>,
    %w_query: tensor<10x8xf64>, %w_keys: tensor<10x6xf32>, %v: tensor<10xf32>) {
  // expected-error @+1 {{'s2s.attention' op operand 'w_query' must have element type 'f32' (that of 'query'), but has 'f64'}}
  %0:2 = s2s.attention additive %query, %keys, %values w_query(%w_query)
      w_keys(%w_keys) v(%v) : (tensor<2x3x8xf32>, tensor<2x5x6xf32>,
      tensor<2x5x7xf32>, tensor<10x8xf64>, tensor<10x6xf32>, tensor<10xf32>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

func.func @attention_additive_w_keys_shape(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x6xf32>, %values: tensor<2x5x7xf32>,
    %w_query: tensor<10x8xf32>, %w_keys: tensor<10x8xf32>, %v: tensor<10xf32>) {
  // expected-error @+1 {{'s2s.attention' op operand 'w_keys' must have shape [A, Dk] = [10, 6], but has [10, 8] (A = 10, Dq = 8, Dk = 6)}}
  %0:2 = s2s.attention additive %query, %keys, %values w_query(%w_query)
      w_keys(%w_keys) v(%v) : (tensor<2x3x8xf32>, tensor<2x5x6xf32>,
      tensor<2x5x7xf32>, tensor<10x8xf32>, tensor<10x8xf32>, tensor<10xf32>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

func.func @attention_additive_w_keys_element_type(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x6xf32>, %values: tensor<2x5x7xf32>,
    %w_query: tensor<10x8xf32>, %w_keys: tensor<10x6xbf16>, %v: tensor<10xf32>)
    {
  // expected-error @+1 {{'s2s.attention' op operand 'w_keys' must have element type 'f32' (that of 'query'), but has 'bf16'}}
  %0:2 = s2s.attention additive %query, %keys, %values w_query(%w_query)
      w_keys(%w_keys) v(%v) : (tensor<2x3x8xf32>, tensor<2x5x6xf32>,
      tensor<2x5x7xf32>, tensor<10x8xf32>, tensor<10x6xbf16>, tensor<10xf32>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

func.func @attention_mask_not_broadcastable(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %values: tensor<2x5x7xf32>,
    %mask: tensor<2x3x4xi1>) {
  // expected-error @+1 {{'s2s.attention' op operand 'mask' must broadcast to [B, Tq, Tk] = [2, 3, 5] (rank 3, each dimension 1 or equal), but has [2, 3, 4] (B = 2, Tq = 3, Tk = 5)}}
  %0:2 = s2s.attention dot %query, %keys, %values mask(%mask)
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x7xf32>,
      tensor<2x3x4xi1>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

func.func @attention_mask_transposed(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %values: tensor<2x5x7xf32>,
    %mask: tensor<2x5x3xi1>) {
  // expected-error @+1 {{'s2s.attention' op operand 'mask' must broadcast to [B, Tq, Tk] = [2, 3, 5] (rank 3, each dimension 1 or equal), but has [2, 5, 3] (B = 2, Tq = 3, Tk = 5)}}
  %0:2 = s2s.attention dot %query, %keys, %values mask(%mask)
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x7xf32>,
      tensor<2x5x3xi1>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

// The mask of s2s.attention is rank 3.
func.func @attention_mask_rank_2(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %values: tensor<2x5x7xf32>, %mask: tensor<3x5xi1>)
    {
  // expected-error @+1 {{'s2s.attention' op operand 'mask' must broadcast to [B, Tq, Tk] = [2, 3, 5] (rank 3, each dimension 1 or equal), but has [3, 5] (B = 2, Tq = 3, Tk = 5)}}
  %0:2 = s2s.attention dot %query, %keys, %values mask(%mask)
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x7xf32>,
      tensor<3x5xi1>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

// ODS: the mask of s2s.attention is boolean.
func.func @attention_mask_float(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %values: tensor<2x5x7xf32>,
    %mask: tensor<2x3x5xf32>) {
  // expected-error @+1 {{'s2s.attention' op operand #3 must be ranked tensor of 1-bit signless integer values, but got 'tensor<2x3x5xf32>'}}
  %0:2 = s2s.attention dot %query, %keys, %values mask(%mask)
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x7xf32>,
      tensor<2x3x5xf32>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

// Parser: the score is dot, general or additive.
func.func @attention_unknown_score(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %values: tensor<2x5x7xf32>) {
  // expected-error @+2 {{custom op 's2s.attention' expected ::mlir::s2s::AttentionScore to be one of: dot, general, additive}}
  // expected-error @+1 {{custom op 's2s.attention' failed to parse S2S_AttentionScoreAttr parameter 'value' which is to be a `::mlir::s2s::AttentionScore`}}
  %0:2 = s2s.attention cosine %query, %keys, %values
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x7xf32>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

// ODS: query is [B, Tq, Dq].
func.func @attention_query_rank(%query: tensor<3x8xf32>,
    %keys: tensor<2x5x8xf32>, %values: tensor<2x5x7xf32>) {
  // expected-error @+1 {{'s2s.attention' op operand #0 must be 3D tensor of floating-point values, but got 'tensor<3x8xf32>'}}
  %0:2 = s2s.attention dot %query, %keys, %values
      : (tensor<3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x7xf32>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return
}

// -----

// weights are [B, Tq, Tk].
func.func @attention_result_weights(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %values: tensor<2x5x7xf32>) {
  // expected-error @+2 {{'s2s.attention' op inferred type(s) 'tensor<2x3x7xf32>', 'tensor<2x3x5xf32>' are incompatible with return type(s) of operation 'tensor<2x3x7xf32>', 'tensor<2x3x8xf32>'}}
  // expected-error @+1 {{'s2s.attention' op failed to infer returned types}}
  %0:2 = s2s.attention dot %query, %keys, %values
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x7xf32>)
      -> (tensor<2x3x7xf32>, tensor<2x3x8xf32>)
  return
}

// -----

func.func @sdpa_key_batch(%query: tensor<2x4x5x8xf32>,
    %key: tensor<1x4x7x8xf32>, %value: tensor<1x4x7x8xf32>) {
  // expected-error @+1 {{'s2s.scaled_dot_product_attention' op operand 'key' must have shape [B, Hkv, Tk, D] = [2, 4, 7, 8], but has [1, 4, 7, 8] (B = 2, H = 4, Hkv = 4, Tq = 5, Tk = 7, D = 8)}}
  %0 = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<2x4x5x8xf32>, tensor<1x4x7x8xf32>, tensor<1x4x7x8xf32>)
      -> tensor<2x4x5x8xf32>
  return
}

// -----

func.func @sdpa_key_head_size(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x16xf32>, %value: tensor<2x4x7x8xf32>) {
  // expected-error @+1 {{'s2s.scaled_dot_product_attention' op operand 'key' must have shape [B, Hkv, Tk, D] = [2, 4, 7, 8], but has [2, 4, 7, 16] (B = 2, H = 4, Hkv = 4, Tq = 5, Tk = 7, D = 8)}}
  %0 = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x16xf32>, tensor<2x4x7x8xf32>)
      -> tensor<2x4x5x8xf32>
  return
}

// -----

func.func @sdpa_key_element_type(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf16>, %value: tensor<2x4x7x8xf32>) {
  // expected-error @+1 {{'s2s.scaled_dot_product_attention' op operand 'key' must have element type 'f32' (that of 'query'), but has 'f16'}}
  %0 = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf16>, tensor<2x4x7x8xf32>)
      -> tensor<2x4x5x8xf32>
  return
}

// -----

func.func @sdpa_value_length(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf32>, %value: tensor<2x4x6x8xf32>) {
  // expected-error @+1 {{'s2s.scaled_dot_product_attention' op operand 'value' must have shape [B, Hkv, Tk, Dv] = [2, 4, 7, 8], but has [2, 4, 6, 8] (B = 2, H = 4, Hkv = 4, Tq = 5, Tk = 7, D = 8)}}
  %0 = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x6x8xf32>)
      -> tensor<2x4x5x8xf32>
  return
}

// -----

// key and value have the same number of heads Hkv.
func.func @sdpa_value_heads(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x2x7x8xf32>, %value: tensor<2x4x7x8xf32>) {
  // expected-error @+1 {{'s2s.scaled_dot_product_attention' op operand 'value' must have shape [B, Hkv, Tk, Dv] = [2, 2, 7, 8], but has [2, 4, 7, 8] (B = 2, H = 4, Hkv = 2, Tq = 5, Tk = 7, D = 8)}}
  %0 = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<2x4x5x8xf32>, tensor<2x2x7x8xf32>, tensor<2x4x7x8xf32>)
      -> tensor<2x4x5x8xf32>
  return
}

// -----

func.func @sdpa_value_element_type(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf32>, %value: tensor<2x4x7x8xbf16>) {
  // expected-error @+1 {{'s2s.scaled_dot_product_attention' op operand 'value' must have element type 'f32' (that of 'query'), but has 'bf16'}}
  %0 = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xbf16>)
      -> tensor<2x4x5x8xf32>
  return
}

// -----

func.func @sdpa_kv_heads_not_dividing(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x3x7x8xf32>, %value: tensor<2x3x7x8xf32>) {
  // expected-error @+1 {{'s2s.scaled_dot_product_attention' op the key/value heads (Hkv = 3) must divide the query heads (H = 4)}}
  %0 = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<2x4x5x8xf32>, tensor<2x3x7x8xf32>, tensor<2x3x7x8xf32>)
      -> tensor<2x4x5x8xf32>
  return
}

// -----

func.func @sdpa_kv_heads_more_than_query_heads(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x8x7x8xf32>, %value: tensor<2x8x7x8xf32>) {
  // expected-error @+1 {{'s2s.scaled_dot_product_attention' op the key/value heads (Hkv = 8) must divide the query heads (H = 4)}}
  %0 = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<2x4x5x8xf32>, tensor<2x8x7x8xf32>, tensor<2x8x7x8xf32>)
      -> tensor<2x4x5x8xf32>
  return
}

// -----

// An additive mask has the element type of the query.
func.func @sdpa_mask_f64_with_f32_query(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf32>, %value: tensor<2x4x7x8xf32>,
    %mask: tensor<5x7xf64>) {
  // expected-error @+1 {{'s2s.scaled_dot_product_attention' op operand 'mask' must be a boolean (i1) mask or an additive mask of element type 'f32', but has 'f64'}}
  %0 = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>,
      tensor<5x7xf64>) -> tensor<2x4x5x8xf32>
  return
}

// -----

// ODS: a mask is boolean (i1) or floating-point.
func.func @sdpa_mask_i8(%query: tensor<2x4x5x8xf32>, %key: tensor<2x4x7x8xf32>,
    %value: tensor<2x4x7x8xf32>, %mask: tensor<5x7xi8>) {
  // expected-error @+1 {{'s2s.scaled_dot_product_attention' op operand #3 must be ranked tensor of 1-bit signless integer or floating-point values, but got 'tensor<5x7xi8>'}}
  %0 = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>,
      tensor<5x7xi8>) -> tensor<2x4x5x8xf32>
  return
}

// -----

func.func @sdpa_mask_rank_1(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf32>, %value: tensor<2x4x7x8xf32>, %mask: tensor<7xi1>)
    {
  // expected-error @+1 {{'s2s.scaled_dot_product_attention' op operand 'mask' must broadcast to [B, H, Tq, Tk] = [2, 4, 5, 7] (rank 2 to 4, each dimension 1 or equal), but has [7] (B = 2, H = 4, Hkv = 4, Tq = 5, Tk = 7, D = 8)}}
  %0 = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>,
      tensor<7xi1>) -> tensor<2x4x5x8xf32>
  return
}

// -----

func.func @sdpa_mask_rank_5(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf32>, %value: tensor<2x4x7x8xf32>,
    %mask: tensor<1x2x4x5x7xi1>) {
  // expected-error @+1 {{'s2s.scaled_dot_product_attention' op operand 'mask' must broadcast to [B, H, Tq, Tk] = [2, 4, 5, 7] (rank 2 to 4, each dimension 1 or equal), but has [1, 2, 4, 5, 7] (B = 2, H = 4, Hkv = 4, Tq = 5, Tk = 7, D = 8)}}
  %0 = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>,
      tensor<1x2x4x5x7xi1>) -> tensor<2x4x5x8xf32>
  return
}

// -----

func.func @sdpa_mask_key_length(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf32>, %value: tensor<2x4x7x8xf32>,
    %mask: tensor<5x6xi1>) {
  // expected-error @+1 {{'s2s.scaled_dot_product_attention' op operand 'mask' must broadcast to [B, H, Tq, Tk] = [2, 4, 5, 7] (rank 2 to 4, each dimension 1 or equal), but has [5, 6] (B = 2, H = 4, Hkv = 4, Tq = 5, Tk = 7, D = 8)}}
  %0 = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>,
      tensor<5x6xi1>) -> tensor<2x4x5x8xf32>
  return
}

// -----

// A mask dimension is 1 or equal to the target's: 2 does not broadcast to H = 4.
func.func @sdpa_mask_heads(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf32>, %value: tensor<2x4x7x8xf32>,
    %mask: tensor<2x2x5x7xf32>) {
  // expected-error @+1 {{'s2s.scaled_dot_product_attention' op operand 'mask' must broadcast to [B, H, Tq, Tk] = [2, 4, 5, 7] (rank 2 to 4, each dimension 1 or equal), but has [2, 2, 5, 7] (B = 2, H = 4, Hkv = 4, Tq = 5, Tk = 7, D = 8)}}
  %0 = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>,
      tensor<2x2x5x7xf32>) -> tensor<2x4x5x8xf32>
  return
}

// -----

// Masks align right: a rank-3 mask is [H, Tq, Tk], so [B, Tq, Tk] does not fit.
func.func @sdpa_mask_rank_3_batch_misaligned(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf32>, %value: tensor<2x4x7x8xf32>,
    %mask: tensor<2x5x7xi1>) {
  // expected-error @+1 {{'s2s.scaled_dot_product_attention' op operand 'mask' must broadcast to [B, H, Tq, Tk] = [2, 4, 5, 7] (rank 2 to 4, each dimension 1 or equal), but has [2, 5, 7] (B = 2, H = 4, Hkv = 4, Tq = 5, Tk = 7, D = 8)}}
  %0 = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>,
      tensor<2x5x7xi1>) -> tensor<2x4x5x8xf32>
  return
}

// -----

func.func @sdpa_scale_infinite(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf32>, %value: tensor<2x4x7x8xf32>) {
  // expected-error @+1 {{'s2s.scaled_dot_product_attention' op attribute 'scale' must be finite, but is INF}}
  %0 = s2s.scaled_dot_product_attention %query, %key, %value
      scale(0x7FF0000000000000)
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>)
      -> tensor<2x4x5x8xf32>
  return
}

// -----

func.func @sdpa_scale_nan(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf32>, %value: tensor<2x4x7x8xf32>) {
  // expected-error @+1 {{'s2s.scaled_dot_product_attention' op attribute 'scale' must be finite, but is nan}}
  %0 = s2s.scaled_dot_product_attention %query, %key, %value
      scale(0x7FF8000000000000)
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>)
      -> tensor<2x4x5x8xf32>
  return
}

// -----

// ODS: query is [B, H, Tq, D].
func.func @sdpa_query_rank(%query: tensor<4x5x8xf32>, %key: tensor<2x4x7x8xf32>,
    %value: tensor<2x4x7x8xf32>) {
  // expected-error @+1 {{'s2s.scaled_dot_product_attention' op operand #0 must be 4D tensor of floating-point values, but got 'tensor<4x5x8xf32>'}}
  %0 = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>)
      -> tensor<4x5x8xf32>
  return
}

// -----

// The result has the value head size Dv = 16.
func.func @sdpa_result_value_head_size(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf32>, %value: tensor<2x4x7x16xf32>) {
  // expected-error @+2 {{'s2s.scaled_dot_product_attention' op inferred type(s) 'tensor<2x4x5x16xf32>' are incompatible with return type(s) of operation 'tensor<2x4x5x8xf32>'}}
  // expected-error @+1 {{'s2s.scaled_dot_product_attention' op failed to infer returned types}}
  %0 = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x16xf32>)
      -> tensor<2x4x5x8xf32>
  return
}

// -----

// Generic form: the custom syntax cannot spell a key without a value.
func.func @mha_key_without_value(%query: tensor<5x2x16xf32>,
    %key: tensor<7x2x16xf32>, %in_proj_weight: tensor<48x16xf32>,
    %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operands 'key' and 'value' must be given together, but only 'key' is present}}
  %0 = "s2s.multi_head_attention"(%query, %key, %in_proj_weight,
                                  %out_proj_weight)
      <{num_heads = 4 : i64,
        operandSegmentSizes = array<i32: 1, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0>}>
      : (tensor<5x2x16xf32>, tensor<7x2x16xf32>, tensor<48x16xf32>,
         tensor<16x16xf32>) -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_value_without_key(%query: tensor<5x2x16xf32>,
    %value: tensor<7x2x16xf32>, %in_proj_weight: tensor<48x16xf32>,
    %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operands 'key' and 'value' must be given together, but only 'value' is present}}
  %0 = "s2s.multi_head_attention"(%query, %value, %in_proj_weight,
                                  %out_proj_weight)
      <{num_heads = 4 : i64,
        operandSegmentSizes = array<i32: 1, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0>}>
      : (tensor<5x2x16xf32>, tensor<7x2x16xf32>, tensor<48x16xf32>,
         tensor<16x16xf32>) -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_key_batch(%query: tensor<5x2x16xf32>, %key: tensor<7x3x16xf32>,
    %value: tensor<7x3x16xf32>, %in_proj_weight: tensor<48x16xf32>,
    %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'key' must have shape [Tk, B, Ek] = [7, 2, 16], but has [7, 3, 16] (B = 2, Tk = 7)}}
  %0 = s2s.multi_head_attention %query, %key, %value
      in_proj_weight(%in_proj_weight) out_proj_weight(%out_proj_weight)
      num_heads(4) : (tensor<5x2x16xf32>, tensor<7x3x16xf32>,
      tensor<7x3x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>)
      -> tensor<5x2x16xf32>
  return
}

// -----

// With batch_first, key is [B, Tk, Ek] too.
func.func @mha_key_batch_first(%query: tensor<2x5x16xf32>,
    %key: tensor<7x2x16xf32>, %value: tensor<7x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'key' must have shape [B, Tk, Ek] = [2, 2, 16], but has [7, 2, 16] (B = 2, Tk = 2)}}
  %0 = s2s.multi_head_attention %query, %key, %value
      in_proj_weight(%in_proj_weight) out_proj_weight(%out_proj_weight)
      num_heads(4) batch_first : (tensor<2x5x16xf32>, tensor<7x2x16xf32>,
      tensor<7x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>)
      -> tensor<2x5x16xf32>
  return
}

// -----

func.func @mha_key_element_type(%query: tensor<5x2x16xf32>,
    %key: tensor<7x2x16xf16>, %value: tensor<7x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'key' must have element type 'f32' (that of 'query'), but has 'f16'}}
  %0 = s2s.multi_head_attention %query, %key, %value
      in_proj_weight(%in_proj_weight) out_proj_weight(%out_proj_weight)
      num_heads(4) : (tensor<5x2x16xf32>, tensor<7x2x16xf16>,
      tensor<7x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>)
      -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_value_length(%query: tensor<5x2x16xf32>,
    %key: tensor<7x2x16xf32>, %value: tensor<6x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'value' must have shape [Tk, B, Ev] = [7, 2, 16], but has [6, 2, 16] (B = 2, Tk = 7)}}
  %0 = s2s.multi_head_attention %query, %key, %value
      in_proj_weight(%in_proj_weight) out_proj_weight(%out_proj_weight)
      num_heads(4) : (tensor<5x2x16xf32>, tensor<7x2x16xf32>,
      tensor<6x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>)
      -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_value_element_type(%query: tensor<5x2x16xf32>,
    %key: tensor<7x2x16xf32>, %value: tensor<7x2x16xf64>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'value' must have element type 'f32' (that of 'query'), but has 'f64'}}
  %0 = s2s.multi_head_attention %query, %key, %value
      in_proj_weight(%in_proj_weight) out_proj_weight(%out_proj_weight)
      num_heads(4) : (tensor<5x2x16xf32>, tensor<7x2x16xf32>,
      tensor<7x2x16xf64>, tensor<48x16xf32>, tensor<16x16xf32>)
      -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_num_heads_not_dividing(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op attribute 'num_heads' (3) must divide the embedding size E (16)}}
  %0 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) num_heads(3)
      : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>)
      -> tensor<5x2x16xf32>
  return
}

// -----

// ODS: num_heads is positive.
func.func @mha_num_heads_zero(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op attribute 'num_heads' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) num_heads(0)
      : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>)
      -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_num_heads_negative(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op attribute 'num_heads' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) num_heads(-4)
      : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>)
      -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_packed_and_separate(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %q_proj_weight: tensor<16x16xf32>,
    %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op takes either 'in_proj_weight' or 'q_proj_weight', 'k_proj_weight' and 'v_proj_weight', not both}}
  %0 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      q_proj_weight(%q_proj_weight) out_proj_weight(%out_proj_weight)
      num_heads(4) : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>,
      tensor<16x16xf32>) -> tensor<5x2x16xf32>
  return
}

// -----

// The packed projection needs Ek == Ev == E.
func.func @mha_packed_kdim(%query: tensor<5x2x16xf32>, %key: tensor<7x2x12xf32>,
    %value: tensor<7x2x12xf32>, %in_proj_weight: tensor<48x16xf32>,
    %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op packed 'in_proj_weight' needs key and value of the query's embedding size E = 16, but Ek = 12 and Ev = 12; use separate projection weights}}
  %0 = s2s.multi_head_attention %query, %key, %value
      in_proj_weight(%in_proj_weight) out_proj_weight(%out_proj_weight)
      num_heads(4) : (tensor<5x2x16xf32>, tensor<7x2x12xf32>,
      tensor<7x2x12xf32>, tensor<48x16xf32>, tensor<16x16xf32>)
      -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_packed_vdim(%query: tensor<5x2x16xf32>, %key: tensor<7x2x16xf32>,
    %value: tensor<7x2x10xf32>, %in_proj_weight: tensor<48x16xf32>,
    %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op packed 'in_proj_weight' needs key and value of the query's embedding size E = 16, but Ek = 16 and Ev = 10; use separate projection weights}}
  %0 = s2s.multi_head_attention %query, %key, %value
      in_proj_weight(%in_proj_weight) out_proj_weight(%out_proj_weight)
      num_heads(4) : (tensor<5x2x16xf32>, tensor<7x2x16xf32>,
      tensor<7x2x10xf32>, tensor<48x16xf32>, tensor<16x16xf32>)
      -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_in_proj_weight_shape(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<16x16xf32>, %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'in_proj_weight' must have shape [3*E, E] = [48, 16], but has [16, 16] (E = 16, Ek = 16, Ev = 16)}}
  %0 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) num_heads(4)
      : (tensor<5x2x16xf32>, tensor<16x16xf32>, tensor<16x16xf32>)
      -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_in_proj_weight_element_type(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf16>, %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'in_proj_weight' must have element type 'f32' (that of 'query'), but has 'f16'}}
  %0 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) num_heads(4)
      : (tensor<5x2x16xf32>, tensor<48x16xf16>, tensor<16x16xf32>)
      -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_no_projection(%query: tensor<5x2x16xf32>,
    %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op requires 'in_proj_weight' or all of 'q_proj_weight', 'k_proj_weight' and 'v_proj_weight', but 'q_proj_weight' is missing}}
  %0 = s2s.multi_head_attention %query out_proj_weight(%out_proj_weight)
      num_heads(4) : (tensor<5x2x16xf32>, tensor<16x16xf32>)
      -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_missing_k_proj_weight(%query: tensor<5x2x16xf32>,
    %q_proj_weight: tensor<16x16xf32>, %v_proj_weight: tensor<16x16xf32>,
    %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op requires 'in_proj_weight' or all of 'q_proj_weight', 'k_proj_weight' and 'v_proj_weight', but 'k_proj_weight' is missing}}
  %0 = s2s.multi_head_attention %query q_proj_weight(%q_proj_weight)
      v_proj_weight(%v_proj_weight) out_proj_weight(%out_proj_weight)
      num_heads(4) : (tensor<5x2x16xf32>, tensor<16x16xf32>, tensor<16x16xf32>,
      tensor<16x16xf32>) -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_missing_v_proj_weight(%query: tensor<5x2x16xf32>,
    %q_proj_weight: tensor<16x16xf32>, %k_proj_weight: tensor<16x16xf32>,
    %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op requires 'in_proj_weight' or all of 'q_proj_weight', 'k_proj_weight' and 'v_proj_weight', but 'v_proj_weight' is missing}}
  %0 = s2s.multi_head_attention %query q_proj_weight(%q_proj_weight)
      k_proj_weight(%k_proj_weight) out_proj_weight(%out_proj_weight)
      num_heads(4) : (tensor<5x2x16xf32>, tensor<16x16xf32>, tensor<16x16xf32>,
      tensor<16x16xf32>) -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_q_proj_weight_shape(%query: tensor<5x2x16xf32>,
    %key: tensor<7x2x12xf32>, %value: tensor<7x2x10xf32>,
    %q_proj_weight: tensor<16x12xf32>, %k_proj_weight: tensor<16x12xf32>,
    %v_proj_weight: tensor<16x10xf32>, %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'q_proj_weight' must have shape [E, E] = [16, 16], but has [16, 12] (E = 16, Ek = 12, Ev = 10)}}
  %0 = s2s.multi_head_attention %query, %key, %value
      q_proj_weight(%q_proj_weight) k_proj_weight(%k_proj_weight)
      v_proj_weight(%v_proj_weight) out_proj_weight(%out_proj_weight)
      num_heads(4) : (tensor<5x2x16xf32>, tensor<7x2x12xf32>,
      tensor<7x2x10xf32>, tensor<16x12xf32>, tensor<16x12xf32>,
      tensor<16x10xf32>, tensor<16x16xf32>) -> tensor<5x2x16xf32>
  return
}

// -----

// k_proj_weight is [E, Ek]: kdim = 12.
func.func @mha_k_proj_weight_shape(%query: tensor<5x2x16xf32>,
    %key: tensor<7x2x12xf32>, %value: tensor<7x2x10xf32>,
    %q_proj_weight: tensor<16x16xf32>, %k_proj_weight: tensor<16x16xf32>,
    %v_proj_weight: tensor<16x10xf32>, %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'k_proj_weight' must have shape [E, Ek] = [16, 12], but has [16, 16] (E = 16, Ek = 12, Ev = 10)}}
  %0 = s2s.multi_head_attention %query, %key, %value
      q_proj_weight(%q_proj_weight) k_proj_weight(%k_proj_weight)
      v_proj_weight(%v_proj_weight) out_proj_weight(%out_proj_weight)
      num_heads(4) : (tensor<5x2x16xf32>, tensor<7x2x12xf32>,
      tensor<7x2x10xf32>, tensor<16x16xf32>, tensor<16x16xf32>,
      tensor<16x10xf32>, tensor<16x16xf32>) -> tensor<5x2x16xf32>
  return
}

// -----

// v_proj_weight is [E, Ev], not transposed.
func.func @mha_v_proj_weight_shape(%query: tensor<5x2x16xf32>,
    %key: tensor<7x2x12xf32>, %value: tensor<7x2x10xf32>,
    %q_proj_weight: tensor<16x16xf32>, %k_proj_weight: tensor<16x12xf32>,
    %v_proj_weight: tensor<10x16xf32>, %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'v_proj_weight' must have shape [E, Ev] = [16, 10], but has [10, 16] (E = 16, Ek = 12, Ev = 10)}}
  %0 = s2s.multi_head_attention %query, %key, %value
      q_proj_weight(%q_proj_weight) k_proj_weight(%k_proj_weight)
      v_proj_weight(%v_proj_weight) out_proj_weight(%out_proj_weight)
      num_heads(4) : (tensor<5x2x16xf32>, tensor<7x2x12xf32>,
      tensor<7x2x10xf32>, tensor<16x16xf32>, tensor<16x12xf32>,
      tensor<10x16xf32>, tensor<16x16xf32>) -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_k_proj_weight_element_type(%query: tensor<5x2x16xf32>,
    %q_proj_weight: tensor<16x16xf32>, %k_proj_weight: tensor<16x16xf16>,
    %v_proj_weight: tensor<16x16xf32>, %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'k_proj_weight' must have element type 'f32' (that of 'query'), but has 'f16'}}
  %0 = s2s.multi_head_attention %query q_proj_weight(%q_proj_weight)
      k_proj_weight(%k_proj_weight) v_proj_weight(%v_proj_weight)
      out_proj_weight(%out_proj_weight) num_heads(4) : (tensor<5x2x16xf32>,
      tensor<16x16xf32>, tensor<16x16xf16>, tensor<16x16xf32>,
      tensor<16x16xf32>) -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_in_proj_bias_shape(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %in_proj_bias: tensor<16xf32>,
    %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'in_proj_bias' must have shape [3*E] = [48], but has [16] (E = 16, Ek = 16, Ev = 16)}}
  %0 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      in_proj_bias(%in_proj_bias) out_proj_weight(%out_proj_weight) num_heads(4)
      : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16xf32>,
      tensor<16x16xf32>) -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_in_proj_bias_element_type(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %in_proj_bias: tensor<48xf16>,
    %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'in_proj_bias' must have element type 'f32' (that of 'query'), but has 'f16'}}
  %0 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      in_proj_bias(%in_proj_bias) out_proj_weight(%out_proj_weight) num_heads(4)
      : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<48xf16>,
      tensor<16x16xf32>) -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_out_proj_weight_shape(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x12xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'out_proj_weight' must have shape [E, E] = [16, 16], but has [16, 12] (E = 16, Ek = 16, Ev = 16)}}
  %0 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) num_heads(4)
      : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x12xf32>)
      -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_out_proj_weight_element_type(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf64>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'out_proj_weight' must have element type 'f32' (that of 'query'), but has 'f64'}}
  %0 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) num_heads(4)
      : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf64>)
      -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_out_proj_bias_shape(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>,
    %out_proj_bias: tensor<48xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'out_proj_bias' must have shape [E] = [16], but has [48] (E = 16, Ek = 16, Ev = 16)}}
  %0 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) out_proj_bias(%out_proj_bias)
      num_heads(4) : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>,
      tensor<48xf32>) -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_out_proj_bias_element_type(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>,
    %out_proj_bias: tensor<16xbf16>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'out_proj_bias' must have element type 'f32' (that of 'query'), but has 'bf16'}}
  %0 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) out_proj_bias(%out_proj_bias)
      num_heads(4) : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>,
      tensor<16xbf16>) -> tensor<5x2x16xf32>
  return
}

// -----

// key_padding_mask is [B, Tk], with Tk from the key, not the query.
func.func @mha_key_padding_mask_shape(%query: tensor<5x2x16xf32>,
    %key: tensor<7x2x16xf32>, %value: tensor<7x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>,
    %key_padding_mask: tensor<2x5xi1>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'key_padding_mask' must have shape [B, Tk] = [2, 7], but has [2, 5] (B = 2, num_heads = 4, Tq = 5, Tk = 7)}}
  %0 = s2s.multi_head_attention %query, %key, %value
      in_proj_weight(%in_proj_weight) out_proj_weight(%out_proj_weight)
      key_padding_mask(%key_padding_mask) num_heads(4) : (tensor<5x2x16xf32>,
      tensor<7x2x16xf32>, tensor<7x2x16xf32>, tensor<48x16xf32>,
      tensor<16x16xf32>, tensor<2x5xi1>) -> tensor<5x2x16xf32>
  return
}

// -----

// key_padding_mask is [B, Tk] even when the inputs are time-major.
func.func @mha_key_padding_mask_time_major(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>,
    %key_padding_mask: tensor<5x2xi1>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'key_padding_mask' must have shape [B, Tk] = [2, 5], but has [5, 2] (B = 2, num_heads = 4, Tq = 5, Tk = 5)}}
  %0 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) key_padding_mask(%key_padding_mask)
      num_heads(4) : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>,
      tensor<5x2xi1>) -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_key_padding_mask_element_type(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>,
    %key_padding_mask: tensor<2x5xf16>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'key_padding_mask' must be a boolean (i1) mask or an additive mask of element type 'f32', but has 'f16'}}
  %0 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) key_padding_mask(%key_padding_mask)
      num_heads(4) : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>,
      tensor<2x5xf16>) -> tensor<5x2x16xf32>
  return
}

// -----

// ODS: a mask is boolean (i1) or floating-point.
func.func @mha_key_padding_mask_integer(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>,
    %key_padding_mask: tensor<2x5xi32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand #3 must be ranked tensor of 1-bit signless integer or floating-point values, but got 'tensor<2x5xi32>'}}
  %0 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) key_padding_mask(%key_padding_mask)
      num_heads(4) : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>,
      tensor<2x5xi32>) -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_attn_mask_rank_2_shape(%query: tensor<5x2x16xf32>,
    %key: tensor<7x2x16xf32>, %value: tensor<7x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>,
    %attn_mask: tensor<5x5xi1>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'attn_mask' must have shape [Tq, Tk] = [5, 7], but has [5, 5] (B = 2, num_heads = 4, Tq = 5, Tk = 7)}}
  %0 = s2s.multi_head_attention %query, %key, %value
      in_proj_weight(%in_proj_weight) out_proj_weight(%out_proj_weight)
      attn_mask(%attn_mask) num_heads(4) : (tensor<5x2x16xf32>,
      tensor<7x2x16xf32>, tensor<7x2x16xf32>, tensor<48x16xf32>,
      tensor<16x16xf32>, tensor<5x5xi1>) -> tensor<5x2x16xf32>
  return
}

// -----

// A rank-3 attn_mask has one [Tq, Tk] slice per batch element and head.
func.func @mha_attn_mask_rank_3_shape(%query: tensor<5x2x16xf32>,
    %key: tensor<7x2x16xf32>, %value: tensor<7x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>,
    %attn_mask: tensor<2x5x7xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'attn_mask' must have shape [B*num_heads, Tq, Tk] = [8, 5, 7], but has [2, 5, 7] (B = 2, num_heads = 4, Tq = 5, Tk = 7)}}
  %0 = s2s.multi_head_attention %query, %key, %value
      in_proj_weight(%in_proj_weight) out_proj_weight(%out_proj_weight)
      attn_mask(%attn_mask) num_heads(4) : (tensor<5x2x16xf32>,
      tensor<7x2x16xf32>, tensor<7x2x16xf32>, tensor<48x16xf32>,
      tensor<16x16xf32>, tensor<2x5x7xf32>) -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_attn_mask_rank_4(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>,
    %attn_mask: tensor<2x4x5x5xi1>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'attn_mask' must have shape [Tq, Tk] = [5, 5] or [B*num_heads, Tq, Tk] = [8, 5, 5], but has [2, 4, 5, 5] (B = 2, num_heads = 4, Tq = 5, Tk = 5)}}
  %0 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) attn_mask(%attn_mask) num_heads(4)
      : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>,
      tensor<2x4x5x5xi1>) -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_attn_mask_rank_1(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>,
    %attn_mask: tensor<5xi1>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'attn_mask' must have shape [Tq, Tk] = [5, 5] or [B*num_heads, Tq, Tk] = [8, 5, 5], but has [5] (B = 2, num_heads = 4, Tq = 5, Tk = 5)}}
  %0 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) attn_mask(%attn_mask) num_heads(4)
      : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>, tensor<5xi1>)
      -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_attn_mask_element_type(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>,
    %attn_mask: tensor<5x5xf64>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand 'attn_mask' must be a boolean (i1) mask or an additive mask of element type 'f32', but has 'f64'}}
  %0 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) attn_mask(%attn_mask) num_heads(4)
      : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>,
      tensor<5x5xf64>) -> tensor<5x2x16xf32>
  return
}

// -----

// ODS: query is rank 3.
func.func @mha_query_rank(%query: tensor<5x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op operand #0 must be 3D tensor of floating-point values, but got 'tensor<5x16xf32>'}}
  %0 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) num_heads(4)
      : (tensor<5x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>)
      -> tensor<5x16xf32>
  return
}

// -----

// Generic form: the required attribute num_heads is absent.
func.func @mha_missing_num_heads(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+1 {{'s2s.multi_head_attention' op requires attribute 'num_heads'}}
  %0 = "s2s.multi_head_attention"(%query, %in_proj_weight, %out_proj_weight)
      <{operandSegmentSizes = array<i32: 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0>}>
      : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>)
      -> tensor<5x2x16xf32>
  return
}

// -----

// need_weights adds the averaged attention weights as a second result.
func.func @mha_need_weights_missing_result(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+2 {{'s2s.multi_head_attention' op inferred type(s) 'tensor<5x2x16xf32>', 'tensor<2x5x5xf32>' are incompatible with return type(s) of operation 'tensor<5x2x16xf32>'}}
  // expected-error @+1 {{'s2s.multi_head_attention' op failed to infer returned types}}
  %0 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) num_heads(4) need_weights
      : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>)
      -> tensor<5x2x16xf32>
  return
}

// -----

func.func @mha_result_weights_without_need_weights(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+2 {{'s2s.multi_head_attention' op inferred type(s) 'tensor<5x2x16xf32>' are incompatible with return type(s) of operation 'tensor<5x2x16xf32>', 'tensor<2x5x5xf32>'}}
  // expected-error @+1 {{'s2s.multi_head_attention' op failed to infer returned types}}
  %0:2 = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) num_heads(4)
      : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>)
      -> (tensor<5x2x16xf32>, tensor<2x5x5xf32>)
  return
}

// -----

// The averaged weights are [B, Tq, Tk].
func.func @mha_result_weights_shape(%query: tensor<5x2x16xf32>,
    %key: tensor<7x2x16xf32>, %value: tensor<7x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>) {
  // expected-error @+2 {{'s2s.multi_head_attention' op inferred type(s) 'tensor<5x2x16xf32>', 'tensor<2x5x7xf32>' are incompatible with return type(s) of operation 'tensor<5x2x16xf32>', 'tensor<2x5x5xf32>'}}
  // expected-error @+1 {{'s2s.multi_head_attention' op failed to infer returned types}}
  %0:2 = s2s.multi_head_attention %query, %key, %value
      in_proj_weight(%in_proj_weight) out_proj_weight(%out_proj_weight)
      num_heads(4) need_weights : (tensor<5x2x16xf32>, tensor<7x2x16xf32>,
      tensor<7x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>)
      -> (tensor<5x2x16xf32>, tensor<2x5x5xf32>)
  return
}

// -----

func.func @linear_rank_0_input(%input: tensor<f32>, %weight: tensor<12x16xf32>)
    {
  // expected-error @+1 {{'s2s.linear' op operand 'input' must have rank at least 1, but has rank 0}}
  %0 = s2s.linear %input, %weight : (tensor<f32>, tensor<12x16xf32>)
      -> tensor<12xf32>
  return
}

// -----

// weight is [Out, In] as in PyTorch.
func.func @linear_weight_shape(%input: tensor<4x16xf32>,
    %weight: tensor<16x12xf32>) {
  // expected-error @+1 {{'s2s.linear' op operand 'weight' must have shape [Out, In] = [16, 16], but has [16, 12] (In = 16, Out = 16)}}
  %0 = s2s.linear %input, %weight : (tensor<4x16xf32>, tensor<16x12xf32>)
      -> tensor<4x12xf32>
  return
}

// -----

func.func @linear_weight_element_type(%input: tensor<4x16xf32>,
    %weight: tensor<12x16xf16>) {
  // expected-error @+1 {{'s2s.linear' op operand 'weight' must have element type 'f32' (that of 'input'), but has 'f16'}}
  %0 = s2s.linear %input, %weight : (tensor<4x16xf32>, tensor<12x16xf16>)
      -> tensor<4x12xf32>
  return
}

// -----

func.func @linear_bias_shape(%input: tensor<4x16xf32>,
    %weight: tensor<12x16xf32>, %bias: tensor<16xf32>) {
  // expected-error @+1 {{'s2s.linear' op operand 'bias' must have shape [Out] = [12], but has [16] (In = 16, Out = 12)}}
  %0 = s2s.linear %input, %weight, %bias
      : (tensor<4x16xf32>, tensor<12x16xf32>, tensor<16xf32>)
      -> tensor<4x12xf32>
  return
}

// -----

func.func @linear_bias_element_type(%input: tensor<4x16xf32>,
    %weight: tensor<12x16xf32>, %bias: tensor<12xf64>) {
  // expected-error @+1 {{'s2s.linear' op operand 'bias' must have element type 'f32' (that of 'input'), but has 'f64'}}
  %0 = s2s.linear %input, %weight, %bias
      : (tensor<4x16xf32>, tensor<12x16xf32>, tensor<12xf64>)
      -> tensor<4x12xf32>
  return
}

// -----

// ODS: input is floating-point.
func.func @linear_integer_input(%input: tensor<4x16xi32>,
    %weight: tensor<12x16xf32>) {
  // expected-error @+1 {{'s2s.linear' op operand #0 must be ranked tensor of floating-point values, but got 'tensor<4x16xi32>'}}
  %0 = s2s.linear %input, %weight : (tensor<4x16xi32>, tensor<12x16xf32>)
      -> tensor<4x12xf32>
  return
}

// -----

// ODS: weight is rank 2.
func.func @linear_weight_rank(%input: tensor<4x16xf32>, %weight: tensor<16xf32>)
    {
  // expected-error @+1 {{'s2s.linear' op operand #1 must be 2D tensor of floating-point values, but got 'tensor<16xf32>'}}
  %0 = s2s.linear %input, %weight : (tensor<4x16xf32>, tensor<16xf32>)
      -> tensor<4x12xf32>
  return
}

// -----

func.func @linear_result_type(%input: tensor<2x5x16xf32>,
    %weight: tensor<12x16xf32>) {
  // expected-error @+2 {{'s2s.linear' op inferred type(s) 'tensor<2x5x12xf32>' are incompatible with return type(s) of operation 'tensor<2x5x16xf32>'}}
  // expected-error @+1 {{'s2s.linear' op failed to infer returned types}}
  %0 = s2s.linear %input, %weight : (tensor<2x5x16xf32>, tensor<12x16xf32>)
      -> tensor<2x5x16xf32>
  return
}

// -----

func.func @layer_norm_empty_normalized_shape(%input: tensor<2x5x16xf32>) {
  // expected-error @+1 {{'s2s.layer_norm' op attribute 'normalized_shape' must not be empty}}
  %0 = s2s.layer_norm %input normalized_shape([]) : (tensor<2x5x16xf32>)
      -> tensor<2x5x16xf32>
  return
}

// -----

func.func @layer_norm_zero_in_normalized_shape(%input: tensor<2x5x16xf32>) {
  // expected-error @+1 {{'s2s.layer_norm' op attribute 'normalized_shape' must hold positive sizes, but is [0, 16]}}
  %0 = s2s.layer_norm %input normalized_shape([0, 16]) : (tensor<2x5x16xf32>)
      -> tensor<2x5x16xf32>
  return
}

// -----

func.func @layer_norm_negative_in_normalized_shape(%input: tensor<2x5x16xf32>) {
  // expected-error @+1 {{'s2s.layer_norm' op attribute 'normalized_shape' must hold positive sizes, but is [-16]}}
  %0 = s2s.layer_norm %input normalized_shape([-16]) : (tensor<2x5x16xf32>)
      -> tensor<2x5x16xf32>
  return
}

// -----

// normalized_shape names the trailing dimensions of the input.
func.func @layer_norm_input_trailing_dims(%input: tensor<2x5x16xf32>) {
  // expected-error @+1 {{'s2s.layer_norm' op operand 'input' must end in the dimensions of 'normalized_shape' [5], but has shape [2, 5, 16]}}
  %0 = s2s.layer_norm %input normalized_shape([5]) : (tensor<2x5x16xf32>)
      -> tensor<2x5x16xf32>
  return
}

// -----

func.func @layer_norm_normalized_shape_longer_than_input(%input: tensor<16xf32>)
    {
  // expected-error @+1 {{'s2s.layer_norm' op operand 'input' must end in the dimensions of 'normalized_shape' [5, 16], but has shape [16]}}
  %0 = s2s.layer_norm %input normalized_shape([5, 16]) : (tensor<16xf32>)
      -> tensor<16xf32>
  return
}

// -----

func.func @layer_norm_eps_zero(%input: tensor<2x5x16xf32>) {
  // expected-error @+1 {{'s2s.layer_norm' op attribute 'eps' must be positive, but is 0.000000e+00}}
  %0 = s2s.layer_norm %input normalized_shape([16]) eps(0.0)
      : (tensor<2x5x16xf32>) -> tensor<2x5x16xf32>
  return
}

// -----

func.func @layer_norm_eps_negative(%input: tensor<2x5x16xf32>) {
  // expected-error @+1 {{'s2s.layer_norm' op attribute 'eps' must be positive, but is -1.000000e-05}}
  %0 = s2s.layer_norm %input normalized_shape([16]) eps(-1.0e-05)
      : (tensor<2x5x16xf32>) -> tensor<2x5x16xf32>
  return
}

// -----

func.func @layer_norm_weight_shape(%input: tensor<2x5x16xf32>,
    %weight: tensor<5x16xf32>) {
  // expected-error @+1 {{'s2s.layer_norm' op operand 'weight' must have shape normalized_shape = [16], but has [5, 16]}}
  %0 = s2s.layer_norm %input weight(%weight) normalized_shape([16])
      : (tensor<2x5x16xf32>, tensor<5x16xf32>) -> tensor<2x5x16xf32>
  return
}

// -----

func.func @layer_norm_weight_element_type(%input: tensor<2x5x16xf32>,
    %weight: tensor<16xf16>) {
  // expected-error @+1 {{'s2s.layer_norm' op operand 'weight' must have element type 'f32' (that of 'input'), but has 'f16'}}
  %0 = s2s.layer_norm %input weight(%weight) normalized_shape([16])
      : (tensor<2x5x16xf32>, tensor<16xf16>) -> tensor<2x5x16xf32>
  return
}

// -----

func.func @layer_norm_bias_shape(%input: tensor<2x5x16xf32>,
    %weight: tensor<5x16xf32>, %bias: tensor<16xf32>) {
  // expected-error @+1 {{'s2s.layer_norm' op operand 'bias' must have shape normalized_shape = [5, 16], but has [16]}}
  %0 = s2s.layer_norm %input weight(%weight) bias(%bias)
      normalized_shape([5, 16])
      : (tensor<2x5x16xf32>, tensor<5x16xf32>, tensor<16xf32>)
      -> tensor<2x5x16xf32>
  return
}

// -----

func.func @layer_norm_bias_element_type(%input: tensor<2x5x16xf32>,
    %bias: tensor<16xbf16>) {
  // expected-error @+1 {{'s2s.layer_norm' op operand 'bias' must have element type 'f32' (that of 'input'), but has 'bf16'}}
  %0 = s2s.layer_norm %input bias(%bias) normalized_shape([16])
      : (tensor<2x5x16xf32>, tensor<16xbf16>) -> tensor<2x5x16xf32>
  return
}

// -----

// ODS: input is floating-point.
func.func @layer_norm_integer_input(%input: tensor<2x5x16xi32>) {
  // expected-error @+1 {{'s2s.layer_norm' op operand #0 must be ranked tensor of floating-point values, but got 'tensor<2x5x16xi32>'}}
  %0 = s2s.layer_norm %input normalized_shape([16]) : (tensor<2x5x16xi32>)
      -> tensor<2x5x16xi32>
  return
}

// -----

// Generic form: the required attribute normalized_shape is absent.
func.func @layer_norm_missing_normalized_shape(%input: tensor<2x5x16xf32>) {
  // expected-error @+1 {{'s2s.layer_norm' op requires attribute 'normalized_shape'}}
  %0 = "s2s.layer_norm"(%input) <{operandSegmentSizes = array<i32: 1, 0, 0>}>
      : (tensor<2x5x16xf32>) -> tensor<2x5x16xf32>
  return
}

// -----

func.func @layer_norm_result_type(%input: tensor<2x5x16xf32>) {
  // expected-error @+2 {{'s2s.layer_norm' op inferred type(s) 'tensor<2x5x16xf32>' are incompatible with return type(s) of operation 'tensor<2x5x16xf16>'}}
  // expected-error @+1 {{'s2s.layer_norm' op failed to infer returned types}}
  %0 = s2s.layer_norm %input normalized_shape([16]) : (tensor<2x5x16xf32>)
      -> tensor<2x5x16xf16>
  return
}

// -----

// ODS: indices are integers.
func.func @embedding_float_indices(%indices: tensor<7xf32>,
    %weight: tensor<20x8xf32>) {
  // expected-error @+1 {{'s2s.embedding' op operand #0 must be ranked tensor of 32-bit signless integer or 64-bit signless integer values, but got 'tensor<7xf32>'}}
  %0 = s2s.embedding %indices, %weight : (tensor<7xf32>, tensor<20x8xf32>)
      -> tensor<7x8xf32>
  return
}

// -----

// ODS: indices are i32 or i64 token ids, not booleans.
func.func @embedding_bool_indices(%indices: tensor<7xi1>,
    %weight: tensor<20x8xf32>) {
  // expected-error @+1 {{'s2s.embedding' op operand #0 must be ranked tensor of 32-bit signless integer or 64-bit signless integer values, but got 'tensor<7xi1>'}}
  %0 = s2s.embedding %indices, %weight : (tensor<7xi1>, tensor<20x8xf32>)
      -> tensor<7x8xf32>
  return
}

// -----

// ODS: weight is [V, E].
func.func @embedding_weight_rank(%indices: tensor<7xi64>, %weight: tensor<20xf32>)
    {
  // expected-error @+1 {{'s2s.embedding' op operand #1 must be 2D tensor of floating-point values, but got 'tensor<20xf32>'}}
  %0 = s2s.embedding %indices, %weight : (tensor<7xi64>, tensor<20xf32>)
      -> tensor<7x8xf32>
  return
}

// -----

// The result is [..., E], not [..., V].
func.func @embedding_result_shape(%indices: tensor<7x3xi64>,
    %weight: tensor<20x8xf32>) {
  // expected-error @+2 {{'s2s.embedding' op inferred type(s) 'tensor<7x3x8xf32>' are incompatible with return type(s) of operation 'tensor<7x3x20xf32>'}}
  // expected-error @+1 {{'s2s.embedding' op failed to infer returned types}}
  %0 = s2s.embedding %indices, %weight : (tensor<7x3xi64>, tensor<20x8xf32>)
      -> tensor<7x3x20xf32>
  return
}

// -----

func.func @embedding_result_element_type(%indices: tensor<7xi32>,
    %weight: tensor<20x8xf16>) {
  // expected-error @+2 {{'s2s.embedding' op inferred type(s) 'tensor<7x8xf16>' are incompatible with return type(s) of operation 'tensor<7x8xf32>'}}
  // expected-error @+1 {{'s2s.embedding' op failed to infer returned types}}
  %0 = s2s.embedding %indices, %weight : (tensor<7xi32>, tensor<20x8xf16>)
      -> tensor<7x8xf32>
  return
}

// -----

func.func @argmax_rank_0(%input: tensor<f32>) {
  // expected-error @+1 {{'s2s.argmax' op operand 'input' must have rank at least 1}}
  %0 = s2s.argmax %input dim(0) : (tensor<f32>) -> tensor<i64>
  return
}

// -----

func.func @argmax_dim_too_large(%input: tensor<3x15xf32>) {
  // expected-error @+1 {{'s2s.argmax' op attribute 'dim' must be in [-2, 1] for an input of rank 2, but is 2}}
  %0 = s2s.argmax %input dim(2) : (tensor<3x15xf32>) -> tensor<3xi64>
  return
}

// -----

func.func @argmax_dim_too_small(%input: tensor<3x15xf32>) {
  // expected-error @+1 {{'s2s.argmax' op attribute 'dim' must be in [-2, 1] for an input of rank 2, but is -3}}
  %0 = s2s.argmax %input dim(-3) : (tensor<3x15xf32>) -> tensor<3xi64>
  return
}

// -----

// ODS: input is floating-point.
func.func @argmax_integer_input(%input: tensor<3x15xi32>) {
  // expected-error @+1 {{'s2s.argmax' op operand #0 must be ranked tensor of floating-point values, but got 'tensor<3x15xi32>'}}
  %0 = s2s.argmax %input dim(1) : (tensor<3x15xi32>) -> tensor<3xi64>
  return
}

// -----

// ODS: the result holds i64 indices.
func.func @argmax_result_element_type(%input: tensor<3x15xf32>) {
  // expected-error @+1 {{'s2s.argmax' op result #0 must be ranked tensor of 64-bit signless integer values, but got 'tensor<3xi32>'}}
  %0 = s2s.argmax %input dim(1) : (tensor<3x15xf32>) -> tensor<3xi32>
  return
}

// -----

// keepdim keeps the reduced dimension with size 1.
func.func @argmax_result_keepdim(%input: tensor<3x15xf32>) {
  // expected-error @+2 {{'s2s.argmax' op inferred type(s) 'tensor<3x1xi64>' are incompatible with return type(s) of operation 'tensor<3xi64>'}}
  // expected-error @+1 {{'s2s.argmax' op failed to infer returned types}}
  %0 = s2s.argmax %input dim(1) keepdim : (tensor<3x15xf32>) -> tensor<3xi64>
  return
}

// -----

func.func @argmax_result_shape(%input: tensor<2x3x15xf32>) {
  // expected-error @+2 {{'s2s.argmax' op inferred type(s) 'tensor<2x15xi64>' are incompatible with return type(s) of operation 'tensor<2x15x1xi64>'}}
  // expected-error @+1 {{'s2s.argmax' op failed to infer returned types}}
  %0 = s2s.argmax %input dim(-2) : (tensor<2x3x15xf32>) -> tensor<2x15x1xi64>
  return
}

// -----

/// An empty table has no valid index: looking any up is refused.
func.func @embedding_empty_table(%indices: tensor<3xi64>,
    %weight: tensor<0x8xf32>) -> tensor<3x8xf32> {
  // expected-error @+1 {{'s2s.embedding' op operand 'weight' has no rows, so none of the 3 elements of 'indices' can be a valid index}}
  %0 = s2s.embedding %indices, %weight : (tensor<3xi64>, tensor<0x8xf32>)
      -> tensor<3x8xf32>
  return %0 : tensor<3x8xf32>
}

// -----

/// With a dynamic number of indices too: any looked up at run time would be
/// out of range.
func.func @embedding_empty_table_dynamic_indices(%indices: tensor<?xi64>,
    %weight: tensor<0x8xf32>) -> tensor<?x8xf32> {
  // expected-error @+1 {{'s2s.embedding' op operand 'weight' has no rows, so no index can be valid, but 'indices' has the dynamic shape [?]}}
  %0 = s2s.embedding %indices, %weight : (tensor<?xi64>, tensor<0x8xf32>)
      -> tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}

// -----

/// The argmax of an empty dimension is undefined (PyTorch raises).
func.func @argmax_empty_dim(%input: tensor<3x0xf32>) -> tensor<3xi64> {
  // expected-error @+1 {{'s2s.argmax' op operand 'input' has size 0 along dimension -1: there is no element to take the argmax of}}
  %0 = s2s.argmax %input dim(-1) : (tensor<3x0xf32>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

func.func @log_softmax_rank_0(%input: tensor<f32>) {
  // expected-error @+1 {{'s2s.log_softmax' op operand 'input' must have rank at least 1}}
  %0 = s2s.log_softmax %input dim(0) : (tensor<f32>) -> tensor<f32>
  return
}

// -----

func.func @log_softmax_dim_too_large(%input: tensor<3x15xf32>) {
  // expected-error @+1 {{'s2s.log_softmax' op attribute 'dim' must be in [-2, 1] for an input of rank 2, but is 2}}
  %0 = s2s.log_softmax %input dim(2) : (tensor<3x15xf32>) -> tensor<3x15xf32>
  return
}

// -----

func.func @log_softmax_result_type(%input: tensor<3x15xf32>) {
  // expected-error @+2 {{'s2s.log_softmax' op inferred type(s) 'tensor<3x15xf32>' are incompatible with return type(s) of operation 'tensor<3x16xf32>'}}
  // expected-error @+1 {{'s2s.log_softmax' op failed to infer returned types}}
  %0 = s2s.log_softmax %input dim(1) : (tensor<3x15xf32>) -> tensor<3x16xf32>
  return
}

// -----

func.func @top_k_too_many(%input: tensor<3x15xf32>) {
  // expected-error @+1 {{'s2s.top_k' op attribute 'k' (16) must not exceed the size of operand 'input' along dimension -1 (15)}}
  %0:2 = s2s.top_k %input k(16) dim(-1)
      : (tensor<3x15xf32>) -> (tensor<3x16xf32>, tensor<3x16xi64>)
  return
}

// -----

func.func @top_k_dynamic_dim(%input: tensor<3x?xf32>) {
  // expected-error @+1 {{'s2s.top_k' op operand 'input' (type 'tensor<3x?xf32>') must have a static size along dimension 1, the dimension the top k are taken along}}
  %0:2 = s2s.top_k %input k(2) dim(1)
      : (tensor<3x?xf32>) -> (tensor<3x2xf32>, tensor<3x2xi64>)
  return
}

// -----

func.func @top_k_dim_too_small(%input: tensor<3x15xf32>) {
  // expected-error @+1 {{'s2s.top_k' op attribute 'dim' must be in [-2, 1] for an input of rank 2, but is -3}}
  %0:2 = s2s.top_k %input k(2) dim(-3)
      : (tensor<3x15xf32>) -> (tensor<3x2xf32>, tensor<3x2xi64>)
  return
}

// -----

// ODS: k is not negative.
func.func @top_k_negative_k(%input: tensor<3x15xf32>) {
  // expected-error @+1 {{'s2s.top_k' op attribute 'k' failed to satisfy constraint: 64-bit signless integer attribute whose value is non-negative}}
  %0:2 = s2s.top_k %input k(-1) dim(1)
      : (tensor<3x15xf32>) -> (tensor<3x1xf32>, tensor<3x1xi64>)
  return
}

// -----

func.func @top_k_result_shape(%input: tensor<3x15xf32>) {
  // expected-error @+2 {{'s2s.top_k' op inferred type(s) 'tensor<3x2xf32>', 'tensor<3x2xi64>' are incompatible with return type(s) of operation 'tensor<2x15xf32>', 'tensor<2x15xi64>'}}
  // expected-error @+1 {{'s2s.top_k' op failed to infer returned types}}
  %0:2 = s2s.top_k %input k(2) dim(1)
      : (tensor<3x15xf32>) -> (tensor<2x15xf32>, tensor<2x15xi64>)
  return
}

// -----

func.func @index_select_empty_dim(%input: tensor<0x4xf32>, %indices: tensor<2xi64>) {
  // expected-error @+1 {{'s2s.index_select' op operand 'input' (type 'tensor<0x4xf32>') has size 0 along dimension 0, so no index can be valid, but 'indices' has type 'tensor<2xi64>'}}
  %0 = s2s.index_select %input, %indices dim(0)
      : (tensor<0x4xf32>, tensor<2xi64>) -> tensor<2x4xf32>
  return
}

// -----

func.func @index_select_dim_too_large(%input: tensor<3x4xf32>, %indices: tensor<2xi64>) {
  // expected-error @+1 {{'s2s.index_select' op attribute 'dim' must be in [-2, 1] for an input of rank 2, but is 2}}
  %0 = s2s.index_select %input, %indices dim(2)
      : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<3x4xf32>
  return
}

// -----

// ODS: the indices are a 1-D tensor of i32 or i64.
func.func @index_select_indices_rank(%input: tensor<3x4xf32>, %indices: tensor<2x1xi64>) {
  // expected-error @+1 {{'s2s.index_select' op operand #1 must be 1D tensor of 32-bit signless integer or 64-bit signless integer values, but got 'tensor<2x1xi64>'}}
  %0 = s2s.index_select %input, %indices dim(0)
      : (tensor<3x4xf32>, tensor<2x1xi64>) -> tensor<2x4xf32>
  return
}

// -----

func.func @index_select_result_shape(%input: tensor<3x4xf32>, %indices: tensor<2xi64>) {
  // expected-error @+2 {{'s2s.index_select' op inferred type(s) 'tensor<3x2xf32>' are incompatible with return type(s) of operation 'tensor<2x4xf32>'}}
  // expected-error @+1 {{'s2s.index_select' op failed to infer returned types}}
  %0 = s2s.index_select %input, %indices dim(1)
      : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<2x4xf32>
  return
}

// -----

func.func @cached_mha_heads(%x: tensor<1x1x32xf32>, %kc: tensor<1x2x8x16xf32>, %vc: tensor<1x2x8x16xf32>, %pos: index, %w_in: tensor<96x32xf32>, %w_out: tensor<32x32xf32>) {
  // expected-error @+1 {{'s2s.cached_multi_head_attention' op operand 'key_cache' must have shape [B, num_heads, T_max, E / num_heads] = [1, 4, 8, 8], but has [1, 2, 8, 16] (B = 1, num_heads = 4, T_max = 8, E / num_heads = 8)}}
  %0:3 = s2s.cached_multi_head_attention %x cache(%kc, %vc) at(%pos)
      in_proj_weight(%w_in) out_proj_weight(%w_out) num_heads(4) batch_first
      : (tensor<1x1x32xf32>, tensor<1x2x8x16xf32>, tensor<1x2x8x16xf32>, index, tensor<96x32xf32>, tensor<32x32xf32>)
      -> (tensor<1x1x32xf32>, tensor<1x2x8x16xf32>, tensor<1x2x8x16xf32>)
  return
}

// -----

func.func @cached_mha_capacity(%x: tensor<1x9x32xf32>, %kc: tensor<1x4x8x8xf32>, %vc: tensor<1x4x8x8xf32>, %pos: index, %w_in: tensor<96x32xf32>, %w_out: tensor<32x32xf32>) {
  // expected-error @+1 {{'s2s.cached_multi_head_attention' op needs room in the caches for the 9 positions of 'query' (S), but their capacity T_max (dimension 2 of 'key_cache') is 8}}
  %0:3 = s2s.cached_multi_head_attention %x cache(%kc, %vc) at(%pos)
      in_proj_weight(%w_in) out_proj_weight(%w_out) num_heads(4) batch_first
      : (tensor<1x9x32xf32>, tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>, index, tensor<96x32xf32>, tensor<32x32xf32>)
      -> (tensor<1x9x32xf32>, tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>)
  return
}

// -----

func.func @cached_mha_value_cache(%x: tensor<1x1x32xf32>, %kc: tensor<1x4x8x8xf32>, %vc: tensor<1x4x9x8xf32>, %pos: index, %w_in: tensor<96x32xf32>, %w_out: tensor<32x32xf32>) {
  // expected-error @+1 {{'s2s.cached_multi_head_attention' op operand 'value_cache' must have shape [B, num_heads, T_max, E / num_heads] = [1, 4, 8, 8], but has [1, 4, 9, 8] (B = 1, num_heads = 4, T_max = 8, E / num_heads = 8)}}
  %0:3 = s2s.cached_multi_head_attention %x cache(%kc, %vc) at(%pos)
      in_proj_weight(%w_in) out_proj_weight(%w_out) num_heads(4) batch_first
      : (tensor<1x1x32xf32>, tensor<1x4x8x8xf32>, tensor<1x4x9x8xf32>, index, tensor<96x32xf32>, tensor<32x32xf32>)
      -> (tensor<1x1x32xf32>, tensor<1x4x8x8xf32>, tensor<1x4x9x8xf32>)
  return
}

// -----

func.func @cached_mha_key_padding_mask(%x: tensor<1x1x32xf32>, %kc: tensor<1x4x8x8xf32>, %vc: tensor<1x4x8x8xf32>, %pos: index, %w_in: tensor<96x32xf32>, %w_out: tensor<32x32xf32>, %kpm: tensor<1x1xi1>) {
  // expected-error @+1 {{'s2s.cached_multi_head_attention' op operand 'key_padding_mask' must have shape [B, T_max] = [1, 8], but has [1, 1] (B = 1, num_heads = 4, S = 1, T_max = 8)}}
  %0:3 = s2s.cached_multi_head_attention %x cache(%kc, %vc) at(%pos)
      in_proj_weight(%w_in) out_proj_weight(%w_out) key_padding_mask(%kpm)
      num_heads(4) batch_first
      : (tensor<1x1x32xf32>, tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>, index, tensor<96x32xf32>, tensor<32x32xf32>, tensor<1x1xi1>)
      -> (tensor<1x1x32xf32>, tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>)
  return
}

// -----

func.func @cached_mha_separate_and_packed(%x: tensor<1x1x32xf32>, %kc: tensor<1x4x8x8xf32>, %vc: tensor<1x4x8x8xf32>, %pos: index, %w_in: tensor<96x32xf32>, %wq: tensor<32x32xf32>, %w_out: tensor<32x32xf32>) {
  // expected-error @+1 {{'s2s.cached_multi_head_attention' op takes either 'in_proj_weight' or 'q_proj_weight', 'k_proj_weight' and 'v_proj_weight', not both}}
  %0:3 = s2s.cached_multi_head_attention %x cache(%kc, %vc) at(%pos)
      in_proj_weight(%w_in) q_proj_weight(%wq) out_proj_weight(%w_out)
      num_heads(4) batch_first
      : (tensor<1x1x32xf32>, tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>, index, tensor<96x32xf32>, tensor<32x32xf32>, tensor<32x32xf32>)
      -> (tensor<1x1x32xf32>, tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>)
  return
}

// -----

func.func @kv_cache_append_too_many(%new: tensor<1x2x9x8xf32>, %cache: tensor<1x2x8x8xf32>, %pos: index) {
  // expected-error @+1 {{'s2s.kv_cache_append' op operand 'new_entries' (type 'tensor<1x2x9x8xf32>') has 9 positions along dimension 2, more than the capacity of 'cache' ('tensor<1x2x8x8xf32>')}}
  %0:2 = s2s.kv_cache_append %new into %cache at(%pos) dim(2)
      : (tensor<1x2x9x8xf32>, tensor<1x2x8x8xf32>, index)
      -> (tensor<1x2x8x8xf32>, tensor<1x2x?x8xf32>)
  return
}

// -----

func.func @kv_cache_append_heads(%new: tensor<1x4x1x8xf32>, %cache: tensor<1x2x8x8xf32>, %pos: index) {
  // expected-error @+1 {{'s2s.kv_cache_append' op operand 'new_entries' must have the sizes of 'cache' ('tensor<1x2x8x8xf32>') except along dimension 2, but has 4 where 'cache' has 2 along dimension 1 (type 'tensor<1x4x1x8xf32>')}}
  %0:2 = s2s.kv_cache_append %new into %cache at(%pos) dim(2)
      : (tensor<1x4x1x8xf32>, tensor<1x2x8x8xf32>, index)
      -> (tensor<1x2x8x8xf32>, tensor<1x2x?x8xf32>)
  return
}

// -----

func.func @kv_cache_append_rank(%new: tensor<2x1x8xf32>, %cache: tensor<1x2x8x8xf32>, %pos: index) {
  // expected-error @+1 {{'s2s.kv_cache_append' op operand 'new_entries' must have the rank of 'cache' (4), but has type 'tensor<2x1x8xf32>'}}
  %0:2 = s2s.kv_cache_append %new into %cache at(%pos) dim(2)
      : (tensor<2x1x8xf32>, tensor<1x2x8x8xf32>, index)
      -> (tensor<1x2x8x8xf32>, tensor<1x2x?x8xf32>)
  return
}

// -----

func.func @kv_cache_append_element_type(%new: tensor<1x2x1x8xf16>, %cache: tensor<1x2x8x8xf32>, %pos: index) {
  // expected-error @+1 {{'s2s.kv_cache_append' op operand 'new_entries' must have the element type of 'cache' ('f32'), but has type 'tensor<1x2x1x8xf16>'}}
  %0:2 = s2s.kv_cache_append %new into %cache at(%pos) dim(2)
      : (tensor<1x2x1x8xf16>, tensor<1x2x8x8xf32>, index)
      -> (tensor<1x2x8x8xf32>, tensor<1x2x?x8xf32>)
  return
}

// -----

func.func @kv_cache_append_dim(%new: tensor<1x2x1x8xf32>, %cache: tensor<1x2x8x8xf32>, %pos: index) {
  // expected-error @+1 {{'s2s.kv_cache_append' op attribute 'dim' must be in [-4, 3] for a cache of rank 4, but is 4}}
  %0:2 = s2s.kv_cache_append %new into %cache at(%pos) dim(4)
      : (tensor<1x2x1x8xf32>, tensor<1x2x8x8xf32>, index)
      -> (tensor<1x2x8x8xf32>, tensor<1x2x?x8xf32>)
  return
}

// -----

// The valid prefix has a dynamic length along dim.
func.func @kv_cache_append_valid_type(%new: tensor<1x2x1x8xf32>, %cache: tensor<1x2x8x8xf32>, %pos: index) {
  // expected-error @+2 {{'s2s.kv_cache_append' op inferred type(s) 'tensor<1x2x8x8xf32>', 'tensor<1x2x?x8xf32>' are incompatible with return type(s) of operation 'tensor<1x2x8x8xf32>', 'tensor<1x2x8x8xf32>'}}
  // expected-error @+1 {{'s2s.kv_cache_append' op failed to infer returned types}}
  %0:2 = s2s.kv_cache_append %new into %cache at(%pos) dim(2)
      : (tensor<1x2x1x8xf32>, tensor<1x2x8x8xf32>, index)
      -> (tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32>)
  return
}

// RUN: s2s-opt %s | s2s-opt | FileCheck %s
// RUN: s2s-opt %s --mlir-print-op-generic | s2s-opt | FileCheck %s
// RUN: s2s-opt %s --verify-roundtrip | FileCheck %s

// Round-trip tests of every s2s op: each attribute variant, each optional
// operand present and absent. The CHECK lines pin the printed custom syntax;
// since every op line is matched up to the ` :` of its functional type,
// default-valued attributes written out explicitly must be elided, and
// non-default ones printed.

//===----------------------------------------------------------------------===//
// s2s.rnn
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @rnn_minimal(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x6x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x6x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.rnn %[[X]], %[[W_IH]], %[[W_HH]] hidden_size(6) :
// CHECK-SAME:        (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @rnn_minimal(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// The default direction (forward) and activation (tanh) are elided.
// CHECK-LABEL: func.func @rnn_explicit_defaults_elided(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x6x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x6x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.rnn %[[X]], %[[W_IH]], %[[W_HH]] hidden_size(6) :
// CHECK-SAME:        (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @rnn_explicit_defaults_elided(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x6x4xf32>, %w_hh: tensor<1x6x6xf32>) -> (tensor<5x3x6xf32>,
    tensor<1x3x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh hidden_size(6) direction forward
      activation tanh
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// CHECK-LABEL: func.func @rnn_relu_with_biases(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x6x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x6x6xf32>,
// CHECK-SAME:      %[[B_IH:[a-zA-Z0-9_]+]]: tensor<1x6xf32>,
// CHECK-SAME:      %[[B_HH:[a-zA-Z0-9_]+]]: tensor<1x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.rnn %[[X]], %[[W_IH]], %[[W_HH]] b_ih(%[[B_IH]]) b_hh(%[[B_HH]]) hidden_size(6) activation relu :
// CHECK-SAME:        (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>, tensor<1x6xf32>, tensor<1x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @rnn_relu_with_biases(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>, %b_ih: tensor<1x6xf32>, %b_hh: tensor<1x6xf32>)
    -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) hidden_size(6)
      activation relu
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>,
          tensor<1x6xf32>, tensor<1x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// CHECK-LABEL: func.func @rnn_reverse_with_h0(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x6x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x6x6xf32>,
// CHECK-SAME:      %[[H0:[a-zA-Z0-9_]+]]: tensor<1x3x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.rnn %[[X]], %[[W_IH]], %[[W_HH]] h0(%[[H0]]) hidden_size(6) direction reverse :
// CHECK-SAME:        (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>, tensor<1x3x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @rnn_reverse_with_h0(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>, %h0: tensor<1x3x6xf32>) -> (tensor<5x3x6xf32>,
    tensor<1x3x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh h0(%h0) hidden_size(6) direction reverse
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>,
          tensor<1x3x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// CHECK-LABEL: func.func @rnn_bidirectional_all_operands_seq_lens_i32(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<2x6x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<2x6x6xf32>,
// CHECK-SAME:      %[[B_IH:[a-zA-Z0-9_]+]]: tensor<2x6xf32>,
// CHECK-SAME:      %[[B_HH:[a-zA-Z0-9_]+]]: tensor<2x6xf32>,
// CHECK-SAME:      %[[H0:[a-zA-Z0-9_]+]]: tensor<2x3x6xf32>,
// CHECK-SAME:      %[[SEQ_LENS:[a-zA-Z0-9_]+]]: tensor<3xi32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.rnn %[[X]], %[[W_IH]], %[[W_HH]] b_ih(%[[B_IH]]) b_hh(%[[B_HH]]) h0(%[[H0]]) seq_lens(%[[SEQ_LENS]]) hidden_size(6) direction bidirectional activation relu :
// CHECK-SAME:        (tensor<5x3x4xf32>, tensor<2x6x4xf32>, tensor<2x6x6xf32>, tensor<2x6xf32>, tensor<2x6xf32>, tensor<2x3x6xf32>, tensor<3xi32>) -> (tensor<5x3x12xf32>, tensor<2x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @rnn_bidirectional_all_operands_seq_lens_i32(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<2x6x4xf32>, %w_hh: tensor<2x6x6xf32>, %b_ih: tensor<2x6xf32>,
    %b_hh: tensor<2x6xf32>, %h0: tensor<2x3x6xf32>, %seq_lens: tensor<3xi32>)
    -> (tensor<5x3x12xf32>, tensor<2x3x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      seq_lens(%seq_lens) hidden_size(6) direction bidirectional activation relu
      : (tensor<5x3x4xf32>, tensor<2x6x4xf32>, tensor<2x6x6xf32>,
          tensor<2x6xf32>, tensor<2x6xf32>, tensor<2x3x6xf32>, tensor<3xi32>)
      -> (tensor<5x3x12xf32>, tensor<2x3x6xf32>)
  return %y, %h_n : tensor<5x3x12xf32>, tensor<2x3x6xf32>
}

// CHECK-LABEL: func.func @rnn_batch_first_seq_lens_i64(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<3x5x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x6x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x6x6xf32>,
// CHECK-SAME:      %[[SEQ_LENS:[a-zA-Z0-9_]+]]: tensor<3xi64>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.rnn %[[X]], %[[W_IH]], %[[W_HH]] seq_lens(%[[SEQ_LENS]]) hidden_size(6) batch_first :
// CHECK-SAME:        (tensor<3x5x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>, tensor<3xi64>) -> (tensor<3x5x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @rnn_batch_first_seq_lens_i64(%x: tensor<3x5x4xf32>,
    %w_ih: tensor<1x6x4xf32>, %w_hh: tensor<1x6x6xf32>,
    %seq_lens: tensor<3xi64>) -> (tensor<3x5x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh seq_lens(%seq_lens) hidden_size(6)
      batch_first
      : (tensor<3x5x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>, tensor<3xi64>)
      -> (tensor<3x5x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<3x5x6xf32>, tensor<1x3x6xf32>
}

// CHECK-LABEL: func.func @rnn_bidirectional_batch_first_h0(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<3x5x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<2x6x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<2x6x6xf32>,
// CHECK-SAME:      %[[H0:[a-zA-Z0-9_]+]]: tensor<2x3x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.rnn %[[X]], %[[W_IH]], %[[W_HH]] h0(%[[H0]]) hidden_size(6) direction bidirectional batch_first :
// CHECK-SAME:        (tensor<3x5x4xf32>, tensor<2x6x4xf32>, tensor<2x6x6xf32>, tensor<2x3x6xf32>) -> (tensor<3x5x12xf32>, tensor<2x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @rnn_bidirectional_batch_first_h0(%x: tensor<3x5x4xf32>,
    %w_ih: tensor<2x6x4xf32>, %w_hh: tensor<2x6x6xf32>, %h0: tensor<2x3x6xf32>)
    -> (tensor<3x5x12xf32>, tensor<2x3x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh h0(%h0) hidden_size(6)
      direction bidirectional batch_first
      : (tensor<3x5x4xf32>, tensor<2x6x4xf32>, tensor<2x6x6xf32>,
          tensor<2x3x6xf32>)
      -> (tensor<3x5x12xf32>, tensor<2x3x6xf32>)
  return %y, %h_n : tensor<3x5x12xf32>, tensor<2x3x6xf32>
}

// CHECK-LABEL: func.func @rnn_dynamic_dims(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<?x?x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x6x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x6x6xf32>,
// CHECK-SAME:      %[[H0:[a-zA-Z0-9_]+]]: tensor<1x?x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.rnn %[[X]], %[[W_IH]], %[[W_HH]] h0(%[[H0]]) hidden_size(6) :
// CHECK-SAME:        (tensor<?x?x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>, tensor<1x?x6xf32>) -> (tensor<?x?x6xf32>, tensor<1x?x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @rnn_dynamic_dims(%x: tensor<?x?x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>, %h0: tensor<1x?x6xf32>) -> (tensor<?x?x6xf32>,
    tensor<1x?x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh h0(%h0) hidden_size(6)
      : (tensor<?x?x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>,
          tensor<1x?x6xf32>)
      -> (tensor<?x?x6xf32>, tensor<1x?x6xf32>)
  return %y, %h_n : tensor<?x?x6xf32>, tensor<1x?x6xf32>
}

// CHECK-LABEL: func.func @rnn_f16(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf16>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x6x4xf16>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x6x6xf16>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.rnn %[[X]], %[[W_IH]], %[[W_HH]] hidden_size(6) :
// CHECK-SAME:        (tensor<5x3x4xf16>, tensor<1x6x4xf16>, tensor<1x6x6xf16>) -> (tensor<5x3x6xf16>, tensor<1x3x6xf16>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @rnn_f16(%x: tensor<5x3x4xf16>, %w_ih: tensor<1x6x4xf16>,
    %w_hh: tensor<1x6x6xf16>) -> (tensor<5x3x6xf16>, tensor<1x3x6xf16>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<5x3x4xf16>, tensor<1x6x4xf16>, tensor<1x6x6xf16>)
      -> (tensor<5x3x6xf16>, tensor<1x3x6xf16>)
  return %y, %h_n : tensor<5x3x6xf16>, tensor<1x3x6xf16>
}

//===----------------------------------------------------------------------===//
// s2s.lstm
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @lstm_minimal(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x24x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x24x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]], %[[C_N:[a-zA-Z0-9_]+]] = s2s.lstm %[[X]], %[[W_IH]], %[[W_HH]] hidden_size(6) :
// CHECK-SAME:        (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]], %[[C_N]] :
func.func @lstm_minimal(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x24x4xf32>,
    %w_hh: tensor<1x24x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>,
    tensor<1x3x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n, %c_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>,
      tensor<1x3x6xf32>
}

// The default direction (forward) is elided.
// CHECK-LABEL: func.func @lstm_peepholes_clip(
// CHECK:         s2s.lstm %{{.*}}, %{{.*}}, %{{.*}} peepholes(%{{.*}}) hidden_size(6) direction bidirectional clip(3.000000e+00) :
// CHECK:         s2s.rnn %{{.*}}, %{{.*}}, %{{.*}} hidden_size(6) clip(5.000000e-01) :
// CHECK:         s2s.gru %{{.*}}, %{{.*}}, %{{.*}} hidden_size(6) clip(1.000000e+00) linear_before_reset(false) :
func.func @lstm_peepholes_clip(%x: tensor<5x3x4xf32>, %w_ih: tensor<2x24x4xf32>,
    %w_hh: tensor<2x24x6xf32>, %p: tensor<2x18xf32>,
    %rw_ih: tensor<1x6x4xf32>, %rw_hh: tensor<1x6x6xf32>,
    %gw_ih: tensor<1x18x4xf32>, %gw_hh: tensor<1x18x6xf32>)
    -> (tensor<5x3x12xf32>, tensor<5x3x6xf32>, tensor<5x3x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh peepholes(%p) hidden_size(6)
      direction bidirectional clip(3.0)
      : (tensor<5x3x4xf32>, tensor<2x24x4xf32>, tensor<2x24x6xf32>,
         tensor<2x18xf32>)
      -> (tensor<5x3x12xf32>, tensor<2x3x6xf32>, tensor<2x3x6xf32>)
  %ry, %rh = s2s.rnn %x, %rw_ih, %rw_hh hidden_size(6) clip(0.5)
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  %gy, %gh = s2s.gru %x, %gw_ih, %gw_hh hidden_size(6) clip(1.0)
      linear_before_reset(false)
      : (tensor<5x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %ry, %gy : tensor<5x3x12xf32>, tensor<5x3x6xf32>,
      tensor<5x3x6xf32>
}

// CHECK-LABEL: func.func @lstm_explicit_default_direction_elided(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x24x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x24x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]], %[[C_N:[a-zA-Z0-9_]+]] = s2s.lstm %[[X]], %[[W_IH]], %[[W_HH]] hidden_size(6) :
// CHECK-SAME:        (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]], %[[C_N]] :
func.func @lstm_explicit_default_direction_elided(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x24x4xf32>, %w_hh: tensor<1x24x6xf32>) -> (tensor<5x3x6xf32>,
    tensor<1x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh hidden_size(6) direction forward
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n, %c_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>,
      tensor<1x3x6xf32>
}

// CHECK-LABEL: func.func @lstm_biases_h0_c0(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x24x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x24x6xf32>,
// CHECK-SAME:      %[[B_IH:[a-zA-Z0-9_]+]]: tensor<1x24xf32>,
// CHECK-SAME:      %[[B_HH:[a-zA-Z0-9_]+]]: tensor<1x24xf32>,
// CHECK-SAME:      %[[H0:[a-zA-Z0-9_]+]]: tensor<1x3x6xf32>,
// CHECK-SAME:      %[[C0:[a-zA-Z0-9_]+]]: tensor<1x3x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]], %[[C_N:[a-zA-Z0-9_]+]] = s2s.lstm %[[X]], %[[W_IH]], %[[W_HH]] b_ih(%[[B_IH]]) b_hh(%[[B_HH]]) h0(%[[H0]]) c0(%[[C0]]) hidden_size(6) :
// CHECK-SAME:        (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>, tensor<1x24xf32>, tensor<1x24xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]], %[[C_N]] :
func.func @lstm_biases_h0_c0(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x24x4xf32>,
    %w_hh: tensor<1x24x6xf32>, %b_ih: tensor<1x24xf32>, %b_hh: tensor<1x24xf32>,
    %h0: tensor<1x3x6xf32>, %c0: tensor<1x3x6xf32>) -> (tensor<5x3x6xf32>,
    tensor<1x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      c0(%c0) hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>,
          tensor<1x24xf32>, tensor<1x24xf32>, tensor<1x3x6xf32>,
          tensor<1x3x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n, %c_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>,
      tensor<1x3x6xf32>
}

// CHECK-LABEL: func.func @lstm_h0_without_c0(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x24x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x24x6xf32>,
// CHECK-SAME:      %[[H0:[a-zA-Z0-9_]+]]: tensor<1x3x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]], %[[C_N:[a-zA-Z0-9_]+]] = s2s.lstm %[[X]], %[[W_IH]], %[[W_HH]] h0(%[[H0]]) hidden_size(6) :
// CHECK-SAME:        (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>, tensor<1x3x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]], %[[C_N]] :
func.func @lstm_h0_without_c0(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x24x4xf32>,
    %w_hh: tensor<1x24x6xf32>, %h0: tensor<1x3x6xf32>) -> (tensor<5x3x6xf32>,
    tensor<1x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh h0(%h0) hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>,
          tensor<1x3x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n, %c_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>,
      tensor<1x3x6xf32>
}

// CHECK-LABEL: func.func @lstm_c0_without_h0(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x24x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x24x6xf32>,
// CHECK-SAME:      %[[C0:[a-zA-Z0-9_]+]]: tensor<1x3x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]], %[[C_N:[a-zA-Z0-9_]+]] = s2s.lstm %[[X]], %[[W_IH]], %[[W_HH]] c0(%[[C0]]) hidden_size(6) :
// CHECK-SAME:        (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>, tensor<1x3x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]], %[[C_N]] :
func.func @lstm_c0_without_h0(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x24x4xf32>,
    %w_hh: tensor<1x24x6xf32>, %c0: tensor<1x3x6xf32>) -> (tensor<5x3x6xf32>,
    tensor<1x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh c0(%c0) hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>,
          tensor<1x3x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n, %c_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>,
      tensor<1x3x6xf32>
}

// CHECK-LABEL: func.func @lstm_reverse_seq_lens_i64(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x24x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x24x6xf32>,
// CHECK-SAME:      %[[SEQ_LENS:[a-zA-Z0-9_]+]]: tensor<3xi64>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]], %[[C_N:[a-zA-Z0-9_]+]] = s2s.lstm %[[X]], %[[W_IH]], %[[W_HH]] seq_lens(%[[SEQ_LENS]]) hidden_size(6) direction reverse :
// CHECK-SAME:        (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>, tensor<3xi64>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]], %[[C_N]] :
func.func @lstm_reverse_seq_lens_i64(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x24x4xf32>, %w_hh: tensor<1x24x6xf32>,
    %seq_lens: tensor<3xi64>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>,
    tensor<1x3x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh seq_lens(%seq_lens) hidden_size(6)
      direction reverse
      : (tensor<5x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>,
          tensor<3xi64>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n, %c_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>,
      tensor<1x3x6xf32>
}

// CHECK-LABEL: func.func @lstm_bidirectional_batch_first_all_operands(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<3x5x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<2x24x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<2x24x6xf32>,
// CHECK-SAME:      %[[B_IH:[a-zA-Z0-9_]+]]: tensor<2x24xf32>,
// CHECK-SAME:      %[[B_HH:[a-zA-Z0-9_]+]]: tensor<2x24xf32>,
// CHECK-SAME:      %[[H0:[a-zA-Z0-9_]+]]: tensor<2x3x6xf32>,
// CHECK-SAME:      %[[C0:[a-zA-Z0-9_]+]]: tensor<2x3x6xf32>,
// CHECK-SAME:      %[[SEQ_LENS:[a-zA-Z0-9_]+]]: tensor<3xi32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]], %[[C_N:[a-zA-Z0-9_]+]] = s2s.lstm %[[X]], %[[W_IH]], %[[W_HH]] b_ih(%[[B_IH]]) b_hh(%[[B_HH]]) h0(%[[H0]]) c0(%[[C0]]) seq_lens(%[[SEQ_LENS]]) hidden_size(6) direction bidirectional batch_first :
// CHECK-SAME:        (tensor<3x5x4xf32>, tensor<2x24x4xf32>, tensor<2x24x6xf32>, tensor<2x24xf32>, tensor<2x24xf32>, tensor<2x3x6xf32>, tensor<2x3x6xf32>, tensor<3xi32>) -> (tensor<3x5x12xf32>, tensor<2x3x6xf32>, tensor<2x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]], %[[C_N]] :
func.func @lstm_bidirectional_batch_first_all_operands(%x: tensor<3x5x4xf32>,
    %w_ih: tensor<2x24x4xf32>, %w_hh: tensor<2x24x6xf32>,
    %b_ih: tensor<2x24xf32>, %b_hh: tensor<2x24xf32>, %h0: tensor<2x3x6xf32>,
    %c0: tensor<2x3x6xf32>, %seq_lens: tensor<3xi32>) -> (tensor<3x5x12xf32>,
    tensor<2x3x6xf32>, tensor<2x3x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      c0(%c0) seq_lens(%seq_lens) hidden_size(6) direction bidirectional
      batch_first
      : (tensor<3x5x4xf32>, tensor<2x24x4xf32>, tensor<2x24x6xf32>,
          tensor<2x24xf32>, tensor<2x24xf32>, tensor<2x3x6xf32>,
          tensor<2x3x6xf32>, tensor<3xi32>)
      -> (tensor<3x5x12xf32>, tensor<2x3x6xf32>, tensor<2x3x6xf32>)
  return %y, %h_n, %c_n : tensor<3x5x12xf32>, tensor<2x3x6xf32>,
      tensor<2x3x6xf32>
}

// CHECK-LABEL: func.func @lstm_dynamic_dims(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<?x?x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x24x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x24x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]], %[[C_N:[a-zA-Z0-9_]+]] = s2s.lstm %[[X]], %[[W_IH]], %[[W_HH]] hidden_size(6) :
// CHECK-SAME:        (tensor<?x?x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>) -> (tensor<?x?x6xf32>, tensor<1x?x6xf32>, tensor<1x?x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]], %[[C_N]] :
func.func @lstm_dynamic_dims(%x: tensor<?x?x4xf32>, %w_ih: tensor<1x24x4xf32>,
    %w_hh: tensor<1x24x6xf32>) -> (tensor<?x?x6xf32>, tensor<1x?x6xf32>,
    tensor<1x?x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<?x?x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>)
      -> (tensor<?x?x6xf32>, tensor<1x?x6xf32>, tensor<1x?x6xf32>)
  return %y, %h_n, %c_n : tensor<?x?x6xf32>, tensor<1x?x6xf32>,
      tensor<1x?x6xf32>
}

//===----------------------------------------------------------------------===//
// s2s.gru
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @gru_minimal(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x18x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x18x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.gru %[[X]], %[[W_IH]], %[[W_HH]] hidden_size(6) :
// CHECK-SAME:        (tensor<5x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @gru_minimal(%x: tensor<5x3x4xf32>, %w_ih: tensor<1x18x4xf32>,
    %w_hh: tensor<1x18x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// linear_before_reset(true) and direction forward are the defaults: elided.
// CHECK-LABEL: func.func @gru_explicit_defaults_elided(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x18x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x18x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.gru %[[X]], %[[W_IH]], %[[W_HH]] hidden_size(6) :
// CHECK-SAME:        (tensor<5x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @gru_explicit_defaults_elided(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x18x4xf32>, %w_hh: tensor<1x18x6xf32>) -> (tensor<5x3x6xf32>,
    tensor<1x3x6xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh hidden_size(6) direction forward
      linear_before_reset(true)
      : (tensor<5x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// CHECK-LABEL: func.func @gru_linear_before_reset_false_biases_h0(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x18x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x18x6xf32>,
// CHECK-SAME:      %[[B_IH:[a-zA-Z0-9_]+]]: tensor<1x18xf32>,
// CHECK-SAME:      %[[B_HH:[a-zA-Z0-9_]+]]: tensor<1x18xf32>,
// CHECK-SAME:      %[[H0:[a-zA-Z0-9_]+]]: tensor<1x3x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.gru %[[X]], %[[W_IH]], %[[W_HH]] b_ih(%[[B_IH]]) b_hh(%[[B_HH]]) h0(%[[H0]]) hidden_size(6) linear_before_reset(false) :
// CHECK-SAME:        (tensor<5x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>, tensor<1x18xf32>, tensor<1x18xf32>, tensor<1x3x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @gru_linear_before_reset_false_biases_h0(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x18x4xf32>, %w_hh: tensor<1x18x6xf32>,
    %b_ih: tensor<1x18xf32>, %b_hh: tensor<1x18xf32>, %h0: tensor<1x3x6xf32>)
    -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      hidden_size(6) linear_before_reset(false)
      : (tensor<5x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>,
          tensor<1x18xf32>, tensor<1x18xf32>, tensor<1x3x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// CHECK-LABEL: func.func @gru_reverse_seq_lens_i32(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x18x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x18x6xf32>,
// CHECK-SAME:      %[[SEQ_LENS:[a-zA-Z0-9_]+]]: tensor<3xi32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.gru %[[X]], %[[W_IH]], %[[W_HH]] seq_lens(%[[SEQ_LENS]]) hidden_size(6) direction reverse :
// CHECK-SAME:        (tensor<5x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>, tensor<3xi32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @gru_reverse_seq_lens_i32(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<1x18x4xf32>, %w_hh: tensor<1x18x6xf32>,
    %seq_lens: tensor<3xi32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh seq_lens(%seq_lens) hidden_size(6)
      direction reverse
      : (tensor<5x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>,
          tensor<3xi32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// CHECK-LABEL: func.func @gru_bidirectional_batch_first_all_operands(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<3x5x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<2x18x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<2x18x6xf32>,
// CHECK-SAME:      %[[B_IH:[a-zA-Z0-9_]+]]: tensor<2x18xf32>,
// CHECK-SAME:      %[[B_HH:[a-zA-Z0-9_]+]]: tensor<2x18xf32>,
// CHECK-SAME:      %[[H0:[a-zA-Z0-9_]+]]: tensor<2x3x6xf32>,
// CHECK-SAME:      %[[SEQ_LENS:[a-zA-Z0-9_]+]]: tensor<3xi64>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.gru %[[X]], %[[W_IH]], %[[W_HH]] b_ih(%[[B_IH]]) b_hh(%[[B_HH]]) h0(%[[H0]]) seq_lens(%[[SEQ_LENS]]) hidden_size(6) direction bidirectional batch_first linear_before_reset(false) :
// CHECK-SAME:        (tensor<3x5x4xf32>, tensor<2x18x4xf32>, tensor<2x18x6xf32>, tensor<2x18xf32>, tensor<2x18xf32>, tensor<2x3x6xf32>, tensor<3xi64>) -> (tensor<3x5x12xf32>, tensor<2x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @gru_bidirectional_batch_first_all_operands(%x: tensor<3x5x4xf32>,
    %w_ih: tensor<2x18x4xf32>, %w_hh: tensor<2x18x6xf32>,
    %b_ih: tensor<2x18xf32>, %b_hh: tensor<2x18xf32>, %h0: tensor<2x3x6xf32>,
    %seq_lens: tensor<3xi64>) -> (tensor<3x5x12xf32>, tensor<2x3x6xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      seq_lens(%seq_lens) hidden_size(6) direction bidirectional batch_first
      linear_before_reset(false)
      : (tensor<3x5x4xf32>, tensor<2x18x4xf32>, tensor<2x18x6xf32>,
          tensor<2x18xf32>, tensor<2x18xf32>, tensor<2x3x6xf32>, tensor<3xi64>)
      -> (tensor<3x5x12xf32>, tensor<2x3x6xf32>)
  return %y, %h_n : tensor<3x5x12xf32>, tensor<2x3x6xf32>
}

//===----------------------------------------------------------------------===//
// s2s.recurrence
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @recurrence_rnn_minimal(
// CHECK-SAME:      %[[X_GATES:[a-zA-Z0-9_]+]]: tensor<5x3x6xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x6x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.recurrence rnn %[[X_GATES]], %[[W_HH]] hidden_size(6) :
// CHECK-SAME:        (tensor<5x3x6xf32>, tensor<1x6x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @recurrence_rnn_minimal(%x_gates: tensor<5x3x6xf32>,
    %w_hh: tensor<1x6x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.recurrence rnn %x_gates, %w_hh hidden_size(6)
      : (tensor<5x3x6xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// The default direction (forward), activation (tanh) and
// linear_before_reset (true) are elided, whatever the cell.
// CHECK-LABEL: func.func @recurrence_rnn_explicit_defaults_elided(
// CHECK-SAME:      %[[X_GATES:[a-zA-Z0-9_]+]]: tensor<5x3x6xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x6x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.recurrence rnn %[[X_GATES]], %[[W_HH]] hidden_size(6) :
// CHECK-SAME:        (tensor<5x3x6xf32>, tensor<1x6x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @recurrence_rnn_explicit_defaults_elided(
    %x_gates: tensor<5x3x6xf32>, %w_hh: tensor<1x6x6xf32>)
    -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.recurrence rnn %x_gates, %w_hh hidden_size(6)
      direction forward activation tanh linear_before_reset(true)
      : (tensor<5x3x6xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// CHECK-LABEL: func.func @recurrence_rnn_relu_b_hh_h0(
// CHECK-SAME:      %[[X_GATES:[a-zA-Z0-9_]+]]: tensor<5x3x6xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x6x6xf32>,
// CHECK-SAME:      %[[B_HH:[a-zA-Z0-9_]+]]: tensor<1x6xf32>,
// CHECK-SAME:      %[[H0:[a-zA-Z0-9_]+]]: tensor<1x3x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.recurrence rnn %[[X_GATES]], %[[W_HH]] b_hh(%[[B_HH]]) h0(%[[H0]]) hidden_size(6) activation relu :
// CHECK-SAME:        (tensor<5x3x6xf32>, tensor<1x6x6xf32>, tensor<1x6xf32>, tensor<1x3x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @recurrence_rnn_relu_b_hh_h0(%x_gates: tensor<5x3x6xf32>,
    %w_hh: tensor<1x6x6xf32>, %b_hh: tensor<1x6xf32>, %h0: tensor<1x3x6xf32>)
    -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.recurrence rnn %x_gates, %w_hh b_hh(%b_hh) h0(%h0)
      hidden_size(6) activation relu
      : (tensor<5x3x6xf32>, tensor<1x6x6xf32>, tensor<1x6xf32>,
          tensor<1x3x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// An LSTM recurrence has the third result c_n.
// CHECK-LABEL: func.func @recurrence_lstm_minimal(
// CHECK-SAME:      %[[X_GATES:[a-zA-Z0-9_]+]]: tensor<5x3x24xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x24x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]], %[[C_N:[a-zA-Z0-9_]+]] = s2s.recurrence lstm %[[X_GATES]], %[[W_HH]] hidden_size(6) :
// CHECK-SAME:        (tensor<5x3x24xf32>, tensor<1x24x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]], %[[C_N]] :
func.func @recurrence_lstm_minimal(%x_gates: tensor<5x3x24xf32>,
    %w_hh: tensor<1x24x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>,
    tensor<1x3x6xf32>) {
  %y, %h_n, %c_n = s2s.recurrence lstm %x_gates, %w_hh hidden_size(6)
      : (tensor<5x3x24xf32>, tensor<1x24x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n, %c_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>,
      tensor<1x3x6xf32>
}

// Both directions' gates side by side: x_gates is [T, B, 2*4*H].
// CHECK-LABEL: func.func @recurrence_lstm_bidirectional_all_operands(
// CHECK-SAME:      %[[X_GATES:[a-zA-Z0-9_]+]]: tensor<5x3x48xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<2x24x6xf32>,
// CHECK-SAME:      %[[B_HH:[a-zA-Z0-9_]+]]: tensor<2x24xf32>,
// CHECK-SAME:      %[[H0:[a-zA-Z0-9_]+]]: tensor<2x3x6xf32>,
// CHECK-SAME:      %[[C0:[a-zA-Z0-9_]+]]: tensor<2x3x6xf32>,
// CHECK-SAME:      %[[SEQ_LENS:[a-zA-Z0-9_]+]]: tensor<3xi64>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]], %[[C_N:[a-zA-Z0-9_]+]] = s2s.recurrence lstm %[[X_GATES]], %[[W_HH]] b_hh(%[[B_HH]]) h0(%[[H0]]) c0(%[[C0]]) seq_lens(%[[SEQ_LENS]]) hidden_size(6) direction bidirectional :
// CHECK-SAME:        (tensor<5x3x48xf32>, tensor<2x24x6xf32>, tensor<2x24xf32>, tensor<2x3x6xf32>, tensor<2x3x6xf32>, tensor<3xi64>) -> (tensor<5x3x12xf32>, tensor<2x3x6xf32>, tensor<2x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]], %[[C_N]] :
func.func @recurrence_lstm_bidirectional_all_operands(
    %x_gates: tensor<5x3x48xf32>, %w_hh: tensor<2x24x6xf32>,
    %b_hh: tensor<2x24xf32>, %h0: tensor<2x3x6xf32>, %c0: tensor<2x3x6xf32>,
    %seq_lens: tensor<3xi64>) -> (tensor<5x3x12xf32>, tensor<2x3x6xf32>,
    tensor<2x3x6xf32>) {
  %y, %h_n, %c_n = s2s.recurrence lstm %x_gates, %w_hh b_hh(%b_hh) h0(%h0)
      c0(%c0) seq_lens(%seq_lens) hidden_size(6) direction bidirectional
      : (tensor<5x3x48xf32>, tensor<2x24x6xf32>, tensor<2x24xf32>,
          tensor<2x3x6xf32>, tensor<2x3x6xf32>, tensor<3xi64>)
      -> (tensor<5x3x12xf32>, tensor<2x3x6xf32>, tensor<2x3x6xf32>)
  return %y, %h_n, %c_n : tensor<5x3x12xf32>, tensor<2x3x6xf32>,
      tensor<2x3x6xf32>
}

// CHECK-LABEL: func.func @recurrence_lstm_c0_without_h0(
// CHECK-SAME:      %[[X_GATES:[a-zA-Z0-9_]+]]: tensor<5x3x24xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x24x6xf32>,
// CHECK-SAME:      %[[C0:[a-zA-Z0-9_]+]]: tensor<1x3x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]], %[[C_N:[a-zA-Z0-9_]+]] = s2s.recurrence lstm %[[X_GATES]], %[[W_HH]] c0(%[[C0]]) hidden_size(6) :
// CHECK-SAME:        (tensor<5x3x24xf32>, tensor<1x24x6xf32>, tensor<1x3x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]], %[[C_N]] :
func.func @recurrence_lstm_c0_without_h0(%x_gates: tensor<5x3x24xf32>,
    %w_hh: tensor<1x24x6xf32>, %c0: tensor<1x3x6xf32>) -> (tensor<5x3x6xf32>,
    tensor<1x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n, %c_n = s2s.recurrence lstm %x_gates, %w_hh c0(%c0) hidden_size(6)
      : (tensor<5x3x24xf32>, tensor<1x24x6xf32>, tensor<1x3x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n, %c_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>,
      tensor<1x3x6xf32>
}

// linear_before_reset(true) is the default: elided.
// CHECK-LABEL: func.func @recurrence_gru_explicit_defaults_elided(
// CHECK-SAME:      %[[X_GATES:[a-zA-Z0-9_]+]]: tensor<5x3x18xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x18x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.recurrence gru %[[X_GATES]], %[[W_HH]] hidden_size(6) :
// CHECK-SAME:        (tensor<5x3x18xf32>, tensor<1x18x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @recurrence_gru_explicit_defaults_elided(
    %x_gates: tensor<5x3x18xf32>, %w_hh: tensor<1x18x6xf32>)
    -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.recurrence gru %x_gates, %w_hh hidden_size(6)
      direction forward linear_before_reset(true)
      : (tensor<5x3x18xf32>, tensor<1x18x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// CHECK-LABEL: func.func @recurrence_gru_linear_before_reset_false_b_hh_h0(
// CHECK-SAME:      %[[X_GATES:[a-zA-Z0-9_]+]]: tensor<5x3x18xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x18x6xf32>,
// CHECK-SAME:      %[[B_HH:[a-zA-Z0-9_]+]]: tensor<1x18xf32>,
// CHECK-SAME:      %[[H0:[a-zA-Z0-9_]+]]: tensor<1x3x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.recurrence gru %[[X_GATES]], %[[W_HH]] b_hh(%[[B_HH]]) h0(%[[H0]]) hidden_size(6) linear_before_reset(false) :
// CHECK-SAME:        (tensor<5x3x18xf32>, tensor<1x18x6xf32>, tensor<1x18xf32>, tensor<1x3x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @recurrence_gru_linear_before_reset_false_b_hh_h0(
    %x_gates: tensor<5x3x18xf32>, %w_hh: tensor<1x18x6xf32>,
    %b_hh: tensor<1x18xf32>, %h0: tensor<1x3x6xf32>)
    -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.recurrence gru %x_gates, %w_hh b_hh(%b_hh) h0(%h0)
      hidden_size(6) linear_before_reset(false)
      : (tensor<5x3x18xf32>, tensor<1x18x6xf32>, tensor<1x18xf32>,
          tensor<1x3x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// With batch_first, x_gates is [B, T, D*G*H] and y is [B, T, D*H].
// CHECK-LABEL: func.func @recurrence_gru_batch_first_seq_lens_i32(
// CHECK-SAME:      %[[X_GATES:[a-zA-Z0-9_]+]]: tensor<3x5x18xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x18x6xf32>,
// CHECK-SAME:      %[[SEQ_LENS:[a-zA-Z0-9_]+]]: tensor<3xi32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.recurrence gru %[[X_GATES]], %[[W_HH]] seq_lens(%[[SEQ_LENS]]) hidden_size(6) batch_first :
// CHECK-SAME:        (tensor<3x5x18xf32>, tensor<1x18x6xf32>, tensor<3xi32>) -> (tensor<3x5x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @recurrence_gru_batch_first_seq_lens_i32(
    %x_gates: tensor<3x5x18xf32>, %w_hh: tensor<1x18x6xf32>,
    %seq_lens: tensor<3xi32>) -> (tensor<3x5x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.recurrence gru %x_gates, %w_hh seq_lens(%seq_lens)
      hidden_size(6) batch_first
      : (tensor<3x5x18xf32>, tensor<1x18x6xf32>, tensor<3xi32>)
      -> (tensor<3x5x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<3x5x6xf32>, tensor<1x3x6xf32>
}

// CHECK-LABEL: func.func @recurrence_rnn_reverse_batch_first_relu(
// CHECK-SAME:      %[[X_GATES:[a-zA-Z0-9_]+]]: tensor<3x5x6xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x6x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.recurrence rnn %[[X_GATES]], %[[W_HH]] hidden_size(6) direction reverse batch_first activation relu :
// CHECK-SAME:        (tensor<3x5x6xf32>, tensor<1x6x6xf32>) -> (tensor<3x5x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @recurrence_rnn_reverse_batch_first_relu(
    %x_gates: tensor<3x5x6xf32>, %w_hh: tensor<1x6x6xf32>)
    -> (tensor<3x5x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.recurrence rnn %x_gates, %w_hh hidden_size(6)
      direction reverse batch_first activation relu
      : (tensor<3x5x6xf32>, tensor<1x6x6xf32>)
      -> (tensor<3x5x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<3x5x6xf32>, tensor<1x3x6xf32>
}

// CHECK-LABEL: func.func @recurrence_gru_bidirectional_batch_first_linear_before_reset_false(
// CHECK-SAME:      %[[X_GATES:[a-zA-Z0-9_]+]]: tensor<3x5x36xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<2x18x6xf32>,
// CHECK-SAME:      %[[B_HH:[a-zA-Z0-9_]+]]: tensor<2x18xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.recurrence gru %[[X_GATES]], %[[W_HH]] b_hh(%[[B_HH]]) hidden_size(6) direction bidirectional batch_first linear_before_reset(false) :
// CHECK-SAME:        (tensor<3x5x36xf32>, tensor<2x18x6xf32>, tensor<2x18xf32>) -> (tensor<3x5x12xf32>, tensor<2x3x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @recurrence_gru_bidirectional_batch_first_linear_before_reset_false(
    %x_gates: tensor<3x5x36xf32>, %w_hh: tensor<2x18x6xf32>,
    %b_hh: tensor<2x18xf32>) -> (tensor<3x5x12xf32>, tensor<2x3x6xf32>) {
  %y, %h_n = s2s.recurrence gru %x_gates, %w_hh b_hh(%b_hh) hidden_size(6)
      direction bidirectional batch_first linear_before_reset(false)
      : (tensor<3x5x36xf32>, tensor<2x18x6xf32>, tensor<2x18xf32>)
      -> (tensor<3x5x12xf32>, tensor<2x3x6xf32>)
  return %y, %h_n : tensor<3x5x12xf32>, tensor<2x3x6xf32>
}

// CHECK-LABEL: func.func @recurrence_lstm_dynamic_dims(
// CHECK-SAME:      %[[X_GATES:[a-zA-Z0-9_]+]]: tensor<?x?x24xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x24x6xf32>,
// CHECK-SAME:      %[[H0:[a-zA-Z0-9_]+]]: tensor<1x?x6xf32>,
// CHECK-SAME:      %[[C0:[a-zA-Z0-9_]+]]: tensor<1x?x6xf32>,
// CHECK-SAME:      %[[SEQ_LENS:[a-zA-Z0-9_]+]]: tensor<?xi64>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]], %[[C_N:[a-zA-Z0-9_]+]] = s2s.recurrence lstm %[[X_GATES]], %[[W_HH]] h0(%[[H0]]) c0(%[[C0]]) seq_lens(%[[SEQ_LENS]]) hidden_size(6) :
// CHECK-SAME:        (tensor<?x?x24xf32>, tensor<1x24x6xf32>, tensor<1x?x6xf32>, tensor<1x?x6xf32>, tensor<?xi64>) -> (tensor<?x?x6xf32>, tensor<1x?x6xf32>, tensor<1x?x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]], %[[C_N]] :
func.func @recurrence_lstm_dynamic_dims(%x_gates: tensor<?x?x24xf32>,
    %w_hh: tensor<1x24x6xf32>, %h0: tensor<1x?x6xf32>, %c0: tensor<1x?x6xf32>,
    %seq_lens: tensor<?xi64>) -> (tensor<?x?x6xf32>, tensor<1x?x6xf32>,
    tensor<1x?x6xf32>) {
  %y, %h_n, %c_n = s2s.recurrence lstm %x_gates, %w_hh h0(%h0) c0(%c0)
      seq_lens(%seq_lens) hidden_size(6)
      : (tensor<?x?x24xf32>, tensor<1x24x6xf32>, tensor<1x?x6xf32>,
          tensor<1x?x6xf32>, tensor<?xi64>)
      -> (tensor<?x?x6xf32>, tensor<1x?x6xf32>, tensor<1x?x6xf32>)
  return %y, %h_n, %c_n : tensor<?x?x6xf32>, tensor<1x?x6xf32>,
      tensor<1x?x6xf32>
}

// A dynamic gate dimension is not checked against D*G*H.
// CHECK-LABEL: func.func @recurrence_rnn_dynamic_gates_batch_first(
// CHECK-SAME:      %[[X_GATES:[a-zA-Z0-9_]+]]: tensor<?x5x?xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<2x6x6xf32>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.recurrence rnn %[[X_GATES]], %[[W_HH]] hidden_size(6) direction bidirectional batch_first :
// CHECK-SAME:        (tensor<?x5x?xf32>, tensor<2x6x6xf32>) -> (tensor<?x5x12xf32>, tensor<2x?x6xf32>){{$}}
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @recurrence_rnn_dynamic_gates_batch_first(
    %x_gates: tensor<?x5x?xf32>, %w_hh: tensor<2x6x6xf32>)
    -> (tensor<?x5x12xf32>, tensor<2x?x6xf32>) {
  %y, %h_n = s2s.recurrence rnn %x_gates, %w_hh hidden_size(6)
      direction bidirectional batch_first
      : (tensor<?x5x?xf32>, tensor<2x6x6xf32>)
      -> (tensor<?x5x12xf32>, tensor<2x?x6xf32>)
  return %y, %h_n : tensor<?x5x12xf32>, tensor<2x?x6xf32>
}

// CHECK-LABEL: func.func @recurrence_lstm_f16(
// CHECK-SAME:      %[[X_GATES:[a-zA-Z0-9_]+]]: tensor<5x3x24xf16>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x24x6xf16>,
// CHECK-SAME:      %[[B_HH:[a-zA-Z0-9_]+]]: tensor<1x24xf16>)
// CHECK:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]], %[[C_N:[a-zA-Z0-9_]+]] = s2s.recurrence lstm %[[X_GATES]], %[[W_HH]] b_hh(%[[B_HH]]) hidden_size(6) :
// CHECK-SAME:        (tensor<5x3x24xf16>, tensor<1x24x6xf16>, tensor<1x24xf16>) -> (tensor<5x3x6xf16>, tensor<1x3x6xf16>, tensor<1x3x6xf16>){{$}}
// CHECK:         return %[[Y]], %[[H_N]], %[[C_N]] :
func.func @recurrence_lstm_f16(%x_gates: tensor<5x3x24xf16>,
    %w_hh: tensor<1x24x6xf16>, %b_hh: tensor<1x24xf16>)
    -> (tensor<5x3x6xf16>, tensor<1x3x6xf16>, tensor<1x3x6xf16>) {
  %y, %h_n, %c_n = s2s.recurrence lstm %x_gates, %w_hh b_hh(%b_hh)
      hidden_size(6)
      : (tensor<5x3x24xf16>, tensor<1x24x6xf16>, tensor<1x24xf16>)
      -> (tensor<5x3x6xf16>, tensor<1x3x6xf16>, tensor<1x3x6xf16>)
  return %y, %h_n, %c_n : tensor<5x3x6xf16>, tensor<1x3x6xf16>,
      tensor<1x3x6xf16>
}

//===----------------------------------------------------------------------===//
// Cells
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @rnn_cell_minimal(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<3x4xf32>,
// CHECK-SAME:      %[[H:[a-zA-Z0-9_]+]]: tensor<3x6xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<6x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<6x6xf32>)
// CHECK:         %[[H_NEXT:[a-zA-Z0-9_]+]] = s2s.rnn_cell %[[X]], %[[H]], %[[W_IH]], %[[W_HH]] :
// CHECK-SAME:        (tensor<3x4xf32>, tensor<3x6xf32>, tensor<6x4xf32>, tensor<6x6xf32>) -> tensor<3x6xf32>{{$}}
// CHECK:         return %[[H_NEXT]] :
func.func @rnn_cell_minimal(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %w_ih: tensor<6x4xf32>, %w_hh: tensor<6x6xf32>) -> tensor<3x6xf32> {
  %h_next = s2s.rnn_cell %x, %h, %w_ih, %w_hh
      : (tensor<3x4xf32>, tensor<3x6xf32>, tensor<6x4xf32>, tensor<6x6xf32>)
          -> tensor<3x6xf32>
  return %h_next : tensor<3x6xf32>
}

// The default activation (tanh) is elided.
// CHECK-LABEL: func.func @rnn_cell_explicit_tanh_elided(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<3x4xf32>,
// CHECK-SAME:      %[[H:[a-zA-Z0-9_]+]]: tensor<3x6xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<6x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<6x6xf32>,
// CHECK-SAME:      %[[B_IH:[a-zA-Z0-9_]+]]: tensor<6xf32>,
// CHECK-SAME:      %[[B_HH:[a-zA-Z0-9_]+]]: tensor<6xf32>)
// CHECK:         %[[H_NEXT:[a-zA-Z0-9_]+]] = s2s.rnn_cell %[[X]], %[[H]], %[[W_IH]], %[[W_HH]] b_ih(%[[B_IH]]) b_hh(%[[B_HH]]) :
// CHECK-SAME:        (tensor<3x4xf32>, tensor<3x6xf32>, tensor<6x4xf32>, tensor<6x6xf32>, tensor<6xf32>, tensor<6xf32>) -> tensor<3x6xf32>{{$}}
// CHECK:         return %[[H_NEXT]] :
func.func @rnn_cell_explicit_tanh_elided(%x: tensor<3x4xf32>,
    %h: tensor<3x6xf32>, %w_ih: tensor<6x4xf32>, %w_hh: tensor<6x6xf32>,
    %b_ih: tensor<6xf32>, %b_hh: tensor<6xf32>) -> tensor<3x6xf32> {
  %h_next = s2s.rnn_cell %x, %h, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      activation tanh
      : (tensor<3x4xf32>, tensor<3x6xf32>, tensor<6x4xf32>, tensor<6x6xf32>,
          tensor<6xf32>, tensor<6xf32>) -> tensor<3x6xf32>
  return %h_next : tensor<3x6xf32>
}

// CHECK-LABEL: func.func @rnn_cell_relu_with_biases(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<3x4xf32>,
// CHECK-SAME:      %[[H:[a-zA-Z0-9_]+]]: tensor<3x6xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<6x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<6x6xf32>,
// CHECK-SAME:      %[[B_IH:[a-zA-Z0-9_]+]]: tensor<6xf32>,
// CHECK-SAME:      %[[B_HH:[a-zA-Z0-9_]+]]: tensor<6xf32>)
// CHECK:         %[[H_NEXT:[a-zA-Z0-9_]+]] = s2s.rnn_cell %[[X]], %[[H]], %[[W_IH]], %[[W_HH]] b_ih(%[[B_IH]]) b_hh(%[[B_HH]]) activation relu :
// CHECK-SAME:        (tensor<3x4xf32>, tensor<3x6xf32>, tensor<6x4xf32>, tensor<6x6xf32>, tensor<6xf32>, tensor<6xf32>) -> tensor<3x6xf32>{{$}}
// CHECK:         return %[[H_NEXT]] :
func.func @rnn_cell_relu_with_biases(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %w_ih: tensor<6x4xf32>, %w_hh: tensor<6x6xf32>, %b_ih: tensor<6xf32>,
    %b_hh: tensor<6xf32>) -> tensor<3x6xf32> {
  %h_next = s2s.rnn_cell %x, %h, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      activation relu
      : (tensor<3x4xf32>, tensor<3x6xf32>, tensor<6x4xf32>, tensor<6x6xf32>,
          tensor<6xf32>, tensor<6xf32>) -> tensor<3x6xf32>
  return %h_next : tensor<3x6xf32>
}

// CHECK-LABEL: func.func @rnn_cell_relu_dynamic_batch(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<?x4xf32>,
// CHECK-SAME:      %[[H:[a-zA-Z0-9_]+]]: tensor<?x6xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<6x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<6x6xf32>)
// CHECK:         %[[H_NEXT:[a-zA-Z0-9_]+]] = s2s.rnn_cell %[[X]], %[[H]], %[[W_IH]], %[[W_HH]] activation relu :
// CHECK-SAME:        (tensor<?x4xf32>, tensor<?x6xf32>, tensor<6x4xf32>, tensor<6x6xf32>) -> tensor<?x6xf32>{{$}}
// CHECK:         return %[[H_NEXT]] :
func.func @rnn_cell_relu_dynamic_batch(%x: tensor<?x4xf32>, %h: tensor<?x6xf32>,
    %w_ih: tensor<6x4xf32>, %w_hh: tensor<6x6xf32>) -> tensor<?x6xf32> {
  %h_next = s2s.rnn_cell %x, %h, %w_ih, %w_hh activation relu
      : (tensor<?x4xf32>, tensor<?x6xf32>, tensor<6x4xf32>, tensor<6x6xf32>)
          -> tensor<?x6xf32>
  return %h_next : tensor<?x6xf32>
}

// CHECK-LABEL: func.func @lstm_cell_minimal(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<3x4xf32>,
// CHECK-SAME:      %[[H:[a-zA-Z0-9_]+]]: tensor<3x6xf32>,
// CHECK-SAME:      %[[C:[a-zA-Z0-9_]+]]: tensor<3x6xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<24x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<24x6xf32>)
// CHECK:         %[[H_NEXT:[a-zA-Z0-9_]+]], %[[C_NEXT:[a-zA-Z0-9_]+]] = s2s.lstm_cell %[[X]], %[[H]], %[[C]], %[[W_IH]], %[[W_HH]] :
// CHECK-SAME:        (tensor<3x4xf32>, tensor<3x6xf32>, tensor<3x6xf32>, tensor<24x4xf32>, tensor<24x6xf32>) -> (tensor<3x6xf32>, tensor<3x6xf32>){{$}}
// CHECK:         return %[[H_NEXT]], %[[C_NEXT]] :
func.func @lstm_cell_minimal(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %c: tensor<3x6xf32>, %w_ih: tensor<24x4xf32>, %w_hh: tensor<24x6xf32>)
    -> (tensor<3x6xf32>, tensor<3x6xf32>) {
  %h_next, %c_next = s2s.lstm_cell %x, %h, %c, %w_ih, %w_hh
      : (tensor<3x4xf32>, tensor<3x6xf32>, tensor<3x6xf32>, tensor<24x4xf32>,
          tensor<24x6xf32>)
      -> (tensor<3x6xf32>, tensor<3x6xf32>)
  return %h_next, %c_next : tensor<3x6xf32>, tensor<3x6xf32>
}

// CHECK-LABEL: func.func @lstm_cell_with_biases(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<3x4xf32>,
// CHECK-SAME:      %[[H:[a-zA-Z0-9_]+]]: tensor<3x6xf32>,
// CHECK-SAME:      %[[C:[a-zA-Z0-9_]+]]: tensor<3x6xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<24x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<24x6xf32>,
// CHECK-SAME:      %[[B_IH:[a-zA-Z0-9_]+]]: tensor<24xf32>,
// CHECK-SAME:      %[[B_HH:[a-zA-Z0-9_]+]]: tensor<24xf32>)
// CHECK:         %[[H_NEXT:[a-zA-Z0-9_]+]], %[[C_NEXT:[a-zA-Z0-9_]+]] = s2s.lstm_cell %[[X]], %[[H]], %[[C]], %[[W_IH]], %[[W_HH]] b_ih(%[[B_IH]]) b_hh(%[[B_HH]]) :
// CHECK-SAME:        (tensor<3x4xf32>, tensor<3x6xf32>, tensor<3x6xf32>, tensor<24x4xf32>, tensor<24x6xf32>, tensor<24xf32>, tensor<24xf32>) -> (tensor<3x6xf32>, tensor<3x6xf32>){{$}}
// CHECK:         return %[[H_NEXT]], %[[C_NEXT]] :
func.func @lstm_cell_with_biases(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %c: tensor<3x6xf32>, %w_ih: tensor<24x4xf32>, %w_hh: tensor<24x6xf32>,
    %b_ih: tensor<24xf32>, %b_hh: tensor<24xf32>) -> (tensor<3x6xf32>,
    tensor<3x6xf32>) {
  %h_next, %c_next = s2s.lstm_cell %x, %h, %c, %w_ih, %w_hh b_ih(%b_ih)
      b_hh(%b_hh)
      : (tensor<3x4xf32>, tensor<3x6xf32>, tensor<3x6xf32>, tensor<24x4xf32>,
          tensor<24x6xf32>, tensor<24xf32>, tensor<24xf32>)
      -> (tensor<3x6xf32>, tensor<3x6xf32>)
  return %h_next, %c_next : tensor<3x6xf32>, tensor<3x6xf32>
}

// CHECK-LABEL: func.func @gru_cell_minimal(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<3x4xf32>,
// CHECK-SAME:      %[[H:[a-zA-Z0-9_]+]]: tensor<3x6xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<18x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<18x6xf32>)
// CHECK:         %[[H_NEXT:[a-zA-Z0-9_]+]] = s2s.gru_cell %[[X]], %[[H]], %[[W_IH]], %[[W_HH]] :
// CHECK-SAME:        (tensor<3x4xf32>, tensor<3x6xf32>, tensor<18x4xf32>, tensor<18x6xf32>) -> tensor<3x6xf32>{{$}}
// CHECK:         return %[[H_NEXT]] :
func.func @gru_cell_minimal(%x: tensor<3x4xf32>, %h: tensor<3x6xf32>,
    %w_ih: tensor<18x4xf32>, %w_hh: tensor<18x6xf32>) -> tensor<3x6xf32> {
  %h_next = s2s.gru_cell %x, %h, %w_ih, %w_hh
      : (tensor<3x4xf32>, tensor<3x6xf32>, tensor<18x4xf32>, tensor<18x6xf32>)
          -> tensor<3x6xf32>
  return %h_next : tensor<3x6xf32>
}

// linear_before_reset(true) is the default: elided.
// CHECK-LABEL: func.func @gru_cell_explicit_default_elided(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<3x4xf32>,
// CHECK-SAME:      %[[H:[a-zA-Z0-9_]+]]: tensor<3x6xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<18x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<18x6xf32>)
// CHECK:         %[[H_NEXT:[a-zA-Z0-9_]+]] = s2s.gru_cell %[[X]], %[[H]], %[[W_IH]], %[[W_HH]] :
// CHECK-SAME:        (tensor<3x4xf32>, tensor<3x6xf32>, tensor<18x4xf32>, tensor<18x6xf32>) -> tensor<3x6xf32>{{$}}
// CHECK:         return %[[H_NEXT]] :
func.func @gru_cell_explicit_default_elided(%x: tensor<3x4xf32>,
    %h: tensor<3x6xf32>, %w_ih: tensor<18x4xf32>, %w_hh: tensor<18x6xf32>)
    -> tensor<3x6xf32> {
  %h_next = s2s.gru_cell %x, %h, %w_ih, %w_hh linear_before_reset(true)
      : (tensor<3x4xf32>, tensor<3x6xf32>, tensor<18x4xf32>, tensor<18x6xf32>)
          -> tensor<3x6xf32>
  return %h_next : tensor<3x6xf32>
}

// CHECK-LABEL: func.func @gru_cell_linear_before_reset_false_with_biases(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<3x4xf32>,
// CHECK-SAME:      %[[H:[a-zA-Z0-9_]+]]: tensor<3x6xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<18x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<18x6xf32>,
// CHECK-SAME:      %[[B_IH:[a-zA-Z0-9_]+]]: tensor<18xf32>,
// CHECK-SAME:      %[[B_HH:[a-zA-Z0-9_]+]]: tensor<18xf32>)
// CHECK:         %[[H_NEXT:[a-zA-Z0-9_]+]] = s2s.gru_cell %[[X]], %[[H]], %[[W_IH]], %[[W_HH]] b_ih(%[[B_IH]]) b_hh(%[[B_HH]]) linear_before_reset(false) :
// CHECK-SAME:        (tensor<3x4xf32>, tensor<3x6xf32>, tensor<18x4xf32>, tensor<18x6xf32>, tensor<18xf32>, tensor<18xf32>) -> tensor<3x6xf32>{{$}}
// CHECK:         return %[[H_NEXT]] :
func.func @gru_cell_linear_before_reset_false_with_biases(%x: tensor<3x4xf32>,
    %h: tensor<3x6xf32>, %w_ih: tensor<18x4xf32>, %w_hh: tensor<18x6xf32>,
    %b_ih: tensor<18xf32>, %b_hh: tensor<18xf32>) -> tensor<3x6xf32> {
  %h_next = s2s.gru_cell %x, %h, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      linear_before_reset(false)
      : (tensor<3x4xf32>, tensor<3x6xf32>, tensor<18x4xf32>, tensor<18x6xf32>,
          tensor<18xf32>, tensor<18xf32>) -> tensor<3x6xf32>
  return %h_next : tensor<3x6xf32>
}

//===----------------------------------------------------------------------===//
// s2s.attention
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @attention_dot(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x3x8xf32>,
// CHECK-SAME:      %[[KEYS:[a-zA-Z0-9_]+]]: tensor<2x5x8xf32>,
// CHECK-SAME:      %[[VALUES:[a-zA-Z0-9_]+]]: tensor<2x5x7xf32>)
// CHECK:         %[[CTX:[a-zA-Z0-9_]+]], %[[WEIGHTS:[a-zA-Z0-9_]+]] = s2s.attention dot %[[QUERY]], %[[KEYS]], %[[VALUES]] :
// CHECK-SAME:        (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x7xf32>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>){{$}}
// CHECK:         return %[[CTX]], %[[WEIGHTS]] :
func.func @attention_dot(%query: tensor<2x3x8xf32>, %keys: tensor<2x5x8xf32>,
    %values: tensor<2x5x7xf32>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>) {
  %ctx, %weights = s2s.attention dot %query, %keys, %values
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x7xf32>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return %ctx, %weights : tensor<2x3x7xf32>, tensor<2x3x5xf32>
}

// CHECK-LABEL: func.func @attention_dot_with_mask(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x3x8xf32>,
// CHECK-SAME:      %[[KEYS:[a-zA-Z0-9_]+]]: tensor<2x5x8xf32>,
// CHECK-SAME:      %[[VALUES:[a-zA-Z0-9_]+]]: tensor<2x5x7xf32>,
// CHECK-SAME:      %[[MASK:[a-zA-Z0-9_]+]]: tensor<2x3x5xi1>)
// CHECK:         %[[CTX:[a-zA-Z0-9_]+]], %[[WEIGHTS:[a-zA-Z0-9_]+]] = s2s.attention dot %[[QUERY]], %[[KEYS]], %[[VALUES]] mask(%[[MASK]]) :
// CHECK-SAME:        (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x7xf32>, tensor<2x3x5xi1>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>){{$}}
// CHECK:         return %[[CTX]], %[[WEIGHTS]] :
func.func @attention_dot_with_mask(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %values: tensor<2x5x7xf32>,
    %mask: tensor<2x3x5xi1>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>) {
  %ctx, %weights = s2s.attention dot %query, %keys, %values mask(%mask)
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x7xf32>,
          tensor<2x3x5xi1>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return %ctx, %weights : tensor<2x3x7xf32>, tensor<2x3x5xf32>
}

// A source padding mask [B, 1, Tk] broadcasts over the queries.
// CHECK-LABEL: func.func @attention_dot_broadcast_mask(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x3x8xf32>,
// CHECK-SAME:      %[[KEYS:[a-zA-Z0-9_]+]]: tensor<2x5x8xf32>,
// CHECK-SAME:      %[[VALUES:[a-zA-Z0-9_]+]]: tensor<2x5x7xf32>,
// CHECK-SAME:      %[[MASK:[a-zA-Z0-9_]+]]: tensor<2x1x5xi1>)
// CHECK:         %[[CTX:[a-zA-Z0-9_]+]], %[[WEIGHTS:[a-zA-Z0-9_]+]] = s2s.attention dot %[[QUERY]], %[[KEYS]], %[[VALUES]] mask(%[[MASK]]) :
// CHECK-SAME:        (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x7xf32>, tensor<2x1x5xi1>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>){{$}}
// CHECK:         return %[[CTX]], %[[WEIGHTS]] :
func.func @attention_dot_broadcast_mask(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x8xf32>, %values: tensor<2x5x7xf32>,
    %mask: tensor<2x1x5xi1>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>) {
  %ctx, %weights = s2s.attention dot %query, %keys, %values mask(%mask)
      : (tensor<2x3x8xf32>, tensor<2x5x8xf32>, tensor<2x5x7xf32>,
          tensor<2x1x5xi1>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return %ctx, %weights : tensor<2x3x7xf32>, tensor<2x3x5xf32>
}

// CHECK-LABEL: func.func @attention_general(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x3x8xf32>,
// CHECK-SAME:      %[[KEYS:[a-zA-Z0-9_]+]]: tensor<2x5x6xf32>,
// CHECK-SAME:      %[[VALUES:[a-zA-Z0-9_]+]]: tensor<2x5x7xf32>,
// CHECK-SAME:      %[[W:[a-zA-Z0-9_]+]]: tensor<8x6xf32>)
// CHECK:         %[[CTX:[a-zA-Z0-9_]+]], %[[WEIGHTS:[a-zA-Z0-9_]+]] = s2s.attention general %[[QUERY]], %[[KEYS]], %[[VALUES]] w(%[[W]]) :
// CHECK-SAME:        (tensor<2x3x8xf32>, tensor<2x5x6xf32>, tensor<2x5x7xf32>, tensor<8x6xf32>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>){{$}}
// CHECK:         return %[[CTX]], %[[WEIGHTS]] :
func.func @attention_general(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x6xf32>, %values: tensor<2x5x7xf32>, %w: tensor<8x6xf32>)
    -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>) {
  %ctx, %weights = s2s.attention general %query, %keys, %values w(%w)
      : (tensor<2x3x8xf32>, tensor<2x5x6xf32>, tensor<2x5x7xf32>,
          tensor<8x6xf32>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return %ctx, %weights : tensor<2x3x7xf32>, tensor<2x3x5xf32>
}

// CHECK-LABEL: func.func @attention_general_with_mask(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x3x8xf32>,
// CHECK-SAME:      %[[KEYS:[a-zA-Z0-9_]+]]: tensor<2x5x6xf32>,
// CHECK-SAME:      %[[VALUES:[a-zA-Z0-9_]+]]: tensor<2x5x7xf32>,
// CHECK-SAME:      %[[W:[a-zA-Z0-9_]+]]: tensor<8x6xf32>,
// CHECK-SAME:      %[[MASK:[a-zA-Z0-9_]+]]: tensor<1x3x5xi1>)
// CHECK:         %[[CTX:[a-zA-Z0-9_]+]], %[[WEIGHTS:[a-zA-Z0-9_]+]] = s2s.attention general %[[QUERY]], %[[KEYS]], %[[VALUES]] w(%[[W]]) mask(%[[MASK]]) :
// CHECK-SAME:        (tensor<2x3x8xf32>, tensor<2x5x6xf32>, tensor<2x5x7xf32>, tensor<8x6xf32>, tensor<1x3x5xi1>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>){{$}}
// CHECK:         return %[[CTX]], %[[WEIGHTS]] :
func.func @attention_general_with_mask(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x6xf32>, %values: tensor<2x5x7xf32>, %w: tensor<8x6xf32>,
    %mask: tensor<1x3x5xi1>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>) {
  %ctx, %weights = s2s.attention general %query, %keys, %values w(%w)
      mask(%mask)
      : (tensor<2x3x8xf32>, tensor<2x5x6xf32>, tensor<2x5x7xf32>,
          tensor<8x6xf32>, tensor<1x3x5xi1>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return %ctx, %weights : tensor<2x3x7xf32>, tensor<2x3x5xf32>
}

// CHECK-LABEL: func.func @attention_additive(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x3x8xf32>,
// CHECK-SAME:      %[[KEYS:[a-zA-Z0-9_]+]]: tensor<2x5x6xf32>,
// CHECK-SAME:      %[[VALUES:[a-zA-Z0-9_]+]]: tensor<2x5x7xf32>,
// CHECK-SAME:      %[[W_QUERY:[a-zA-Z0-9_]+]]: tensor<10x8xf32>,
// CHECK-SAME:      %[[W_KEYS:[a-zA-Z0-9_]+]]: tensor<10x6xf32>,
// CHECK-SAME:      %[[V:[a-zA-Z0-9_]+]]: tensor<10xf32>)
// CHECK:         %[[CTX:[a-zA-Z0-9_]+]], %[[WEIGHTS:[a-zA-Z0-9_]+]] = s2s.attention additive %[[QUERY]], %[[KEYS]], %[[VALUES]] w_query(%[[W_QUERY]]) w_keys(%[[W_KEYS]]) v(%[[V]]) :
// CHECK-SAME:        (tensor<2x3x8xf32>, tensor<2x5x6xf32>, tensor<2x5x7xf32>, tensor<10x8xf32>, tensor<10x6xf32>, tensor<10xf32>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>){{$}}
// CHECK:         return %[[CTX]], %[[WEIGHTS]] :
func.func @attention_additive(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x6xf32>, %values: tensor<2x5x7xf32>,
    %w_query: tensor<10x8xf32>, %w_keys: tensor<10x6xf32>, %v: tensor<10xf32>)
    -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>) {
  %ctx, %weights = s2s.attention additive %query, %keys, %values
      w_query(%w_query) w_keys(%w_keys) v(%v)
      : (tensor<2x3x8xf32>, tensor<2x5x6xf32>, tensor<2x5x7xf32>,
          tensor<10x8xf32>, tensor<10x6xf32>, tensor<10xf32>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return %ctx, %weights : tensor<2x3x7xf32>, tensor<2x3x5xf32>
}

// CHECK-LABEL: func.func @attention_additive_with_mask(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x3x8xf32>,
// CHECK-SAME:      %[[KEYS:[a-zA-Z0-9_]+]]: tensor<2x5x6xf32>,
// CHECK-SAME:      %[[VALUES:[a-zA-Z0-9_]+]]: tensor<2x5x7xf32>,
// CHECK-SAME:      %[[W_QUERY:[a-zA-Z0-9_]+]]: tensor<10x8xf32>,
// CHECK-SAME:      %[[W_KEYS:[a-zA-Z0-9_]+]]: tensor<10x6xf32>,
// CHECK-SAME:      %[[V:[a-zA-Z0-9_]+]]: tensor<10xf32>,
// CHECK-SAME:      %[[MASK:[a-zA-Z0-9_]+]]: tensor<2x3x5xi1>)
// CHECK:         %[[CTX:[a-zA-Z0-9_]+]], %[[WEIGHTS:[a-zA-Z0-9_]+]] = s2s.attention additive %[[QUERY]], %[[KEYS]], %[[VALUES]] w_query(%[[W_QUERY]]) w_keys(%[[W_KEYS]]) v(%[[V]]) mask(%[[MASK]]) :
// CHECK-SAME:        (tensor<2x3x8xf32>, tensor<2x5x6xf32>, tensor<2x5x7xf32>, tensor<10x8xf32>, tensor<10x6xf32>, tensor<10xf32>, tensor<2x3x5xi1>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>){{$}}
// CHECK:         return %[[CTX]], %[[WEIGHTS]] :
func.func @attention_additive_with_mask(%query: tensor<2x3x8xf32>,
    %keys: tensor<2x5x6xf32>, %values: tensor<2x5x7xf32>,
    %w_query: tensor<10x8xf32>, %w_keys: tensor<10x6xf32>, %v: tensor<10xf32>,
    %mask: tensor<2x3x5xi1>) -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>) {
  %ctx, %weights = s2s.attention additive %query, %keys, %values
      w_query(%w_query) w_keys(%w_keys) v(%v) mask(%mask)
      : (tensor<2x3x8xf32>, tensor<2x5x6xf32>, tensor<2x5x7xf32>,
          tensor<10x8xf32>, tensor<10x6xf32>, tensor<10xf32>, tensor<2x3x5xi1>)
      -> (tensor<2x3x7xf32>, tensor<2x3x5xf32>)
  return %ctx, %weights : tensor<2x3x7xf32>, tensor<2x3x5xf32>
}

// CHECK-LABEL: func.func @attention_dot_dynamic_dims(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<?x?x8xf32>,
// CHECK-SAME:      %[[KEYS:[a-zA-Z0-9_]+]]: tensor<?x?x8xf32>,
// CHECK-SAME:      %[[VALUES:[a-zA-Z0-9_]+]]: tensor<?x?x7xf32>)
// CHECK:         %[[CTX:[a-zA-Z0-9_]+]], %[[WEIGHTS:[a-zA-Z0-9_]+]] = s2s.attention dot %[[QUERY]], %[[KEYS]], %[[VALUES]] :
// CHECK-SAME:        (tensor<?x?x8xf32>, tensor<?x?x8xf32>, tensor<?x?x7xf32>) -> (tensor<?x?x7xf32>, tensor<?x?x?xf32>){{$}}
// CHECK:         return %[[CTX]], %[[WEIGHTS]] :
func.func @attention_dot_dynamic_dims(%query: tensor<?x?x8xf32>,
    %keys: tensor<?x?x8xf32>, %values: tensor<?x?x7xf32>) -> (tensor<?x?x7xf32>,
    tensor<?x?x?xf32>) {
  %ctx, %weights = s2s.attention dot %query, %keys, %values
      : (tensor<?x?x8xf32>, tensor<?x?x8xf32>, tensor<?x?x7xf32>)
      -> (tensor<?x?x7xf32>, tensor<?x?x?xf32>)
  return %ctx, %weights : tensor<?x?x7xf32>, tensor<?x?x?xf32>
}

//===----------------------------------------------------------------------===//
// s2s.scaled_dot_product_attention
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @sdpa_plain(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x4x5x8xf32>,
// CHECK-SAME:      %[[KEY:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>,
// CHECK-SAME:      %[[VALUE:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.scaled_dot_product_attention %[[QUERY]], %[[KEY]], %[[VALUE]] :
// CHECK-SAME:        (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>) -> tensor<2x4x5x8xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @sdpa_plain(%query: tensor<2x4x5x8xf32>, %key: tensor<2x4x7x8xf32>,
    %value: tensor<2x4x7x8xf32>) -> tensor<2x4x5x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>)
          -> tensor<2x4x5x8xf32>
  return %out : tensor<2x4x5x8xf32>
}

// CHECK-LABEL: func.func @sdpa_scale(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x4x5x8xf32>,
// CHECK-SAME:      %[[KEY:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>,
// CHECK-SAME:      %[[VALUE:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.scaled_dot_product_attention %[[QUERY]], %[[KEY]], %[[VALUE]] scale(1.250000e-01) :
// CHECK-SAME:        (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>) -> tensor<2x4x5x8xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @sdpa_scale(%query: tensor<2x4x5x8xf32>, %key: tensor<2x4x7x8xf32>,
    %value: tensor<2x4x7x8xf32>) -> tensor<2x4x5x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value
      scale(1.250000e-01)
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>)
          -> tensor<2x4x5x8xf32>
  return %out : tensor<2x4x5x8xf32>
}

// CHECK-LABEL: func.func @sdpa_causal(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x4x5x8xf32>,
// CHECK-SAME:      %[[KEY:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>,
// CHECK-SAME:      %[[VALUE:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.scaled_dot_product_attention %[[QUERY]], %[[KEY]], %[[VALUE]] causal :
// CHECK-SAME:        (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>) -> tensor<2x4x5x8xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @sdpa_causal(%query: tensor<2x4x5x8xf32>, %key: tensor<2x4x7x8xf32>,
    %value: tensor<2x4x7x8xf32>) -> tensor<2x4x5x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value causal
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>)
          -> tensor<2x4x5x8xf32>
  return %out : tensor<2x4x5x8xf32>
}

// CHECK-LABEL: func.func @sdpa_bool_mask(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x4x5x8xf32>,
// CHECK-SAME:      %[[KEY:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>,
// CHECK-SAME:      %[[VALUE:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>,
// CHECK-SAME:      %[[MASK:[a-zA-Z0-9_]+]]: tensor<2x4x5x7xi1>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.scaled_dot_product_attention %[[QUERY]], %[[KEY]], %[[VALUE]] mask(%[[MASK]]) :
// CHECK-SAME:        (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x5x7xi1>) -> tensor<2x4x5x8xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @sdpa_bool_mask(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf32>, %value: tensor<2x4x7x8xf32>,
    %mask: tensor<2x4x5x7xi1>) -> tensor<2x4x5x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>,
          tensor<2x4x5x7xi1>) -> tensor<2x4x5x8xf32>
  return %out : tensor<2x4x5x8xf32>
}

// CHECK-LABEL: func.func @sdpa_float_additive_mask(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x4x5x8xf32>,
// CHECK-SAME:      %[[KEY:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>,
// CHECK-SAME:      %[[VALUE:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>,
// CHECK-SAME:      %[[MASK:[a-zA-Z0-9_]+]]: tensor<2x4x5x7xf32>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.scaled_dot_product_attention %[[QUERY]], %[[KEY]], %[[VALUE]] mask(%[[MASK]]) :
// CHECK-SAME:        (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x5x7xf32>) -> tensor<2x4x5x8xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @sdpa_float_additive_mask(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf32>, %value: tensor<2x4x7x8xf32>,
    %mask: tensor<2x4x5x7xf32>) -> tensor<2x4x5x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>,
          tensor<2x4x5x7xf32>) -> tensor<2x4x5x8xf32>
  return %out : tensor<2x4x5x8xf32>
}

// CHECK-LABEL: func.func @sdpa_rank2_mask(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x4x5x8xf32>,
// CHECK-SAME:      %[[KEY:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>,
// CHECK-SAME:      %[[VALUE:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>,
// CHECK-SAME:      %[[MASK:[a-zA-Z0-9_]+]]: tensor<5x7xi1>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.scaled_dot_product_attention %[[QUERY]], %[[KEY]], %[[VALUE]] mask(%[[MASK]]) :
// CHECK-SAME:        (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>, tensor<5x7xi1>) -> tensor<2x4x5x8xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @sdpa_rank2_mask(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf32>, %value: tensor<2x4x7x8xf32>,
    %mask: tensor<5x7xi1>) -> tensor<2x4x5x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>,
          tensor<5x7xi1>) -> tensor<2x4x5x8xf32>
  return %out : tensor<2x4x5x8xf32>
}

// CHECK-LABEL: func.func @sdpa_rank3_broadcast_mask(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x4x5x8xf32>,
// CHECK-SAME:      %[[KEY:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>,
// CHECK-SAME:      %[[VALUE:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>,
// CHECK-SAME:      %[[MASK:[a-zA-Z0-9_]+]]: tensor<4x1x7xf32>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.scaled_dot_product_attention %[[QUERY]], %[[KEY]], %[[VALUE]] mask(%[[MASK]]) :
// CHECK-SAME:        (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>, tensor<4x1x7xf32>) -> tensor<2x4x5x8xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @sdpa_rank3_broadcast_mask(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf32>, %value: tensor<2x4x7x8xf32>,
    %mask: tensor<4x1x7xf32>) -> tensor<2x4x5x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>,
          tensor<4x1x7xf32>) -> tensor<2x4x5x8xf32>
  return %out : tensor<2x4x5x8xf32>
}

// CHECK-LABEL: func.func @sdpa_rank4_broadcast_mask(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x4x5x8xf32>,
// CHECK-SAME:      %[[KEY:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>,
// CHECK-SAME:      %[[VALUE:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>,
// CHECK-SAME:      %[[MASK:[a-zA-Z0-9_]+]]: tensor<2x1x1x7xi1>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.scaled_dot_product_attention %[[QUERY]], %[[KEY]], %[[VALUE]] mask(%[[MASK]]) :
// CHECK-SAME:        (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>, tensor<2x1x1x7xi1>) -> tensor<2x4x5x8xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @sdpa_rank4_broadcast_mask(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf32>, %value: tensor<2x4x7x8xf32>,
    %mask: tensor<2x1x1x7xi1>) -> tensor<2x4x5x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x8xf32>,
          tensor<2x1x1x7xi1>) -> tensor<2x4x5x8xf32>
  return %out : tensor<2x4x5x8xf32>
}

// Grouped-query attention: 4 query heads share 2 key/value heads.
// CHECK-LABEL: func.func @sdpa_grouped_query_heads(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x4x5x8xf32>,
// CHECK-SAME:      %[[KEY:[a-zA-Z0-9_]+]]: tensor<2x2x7x8xf32>,
// CHECK-SAME:      %[[VALUE:[a-zA-Z0-9_]+]]: tensor<2x2x7x8xf32>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.scaled_dot_product_attention %[[QUERY]], %[[KEY]], %[[VALUE]] :
// CHECK-SAME:        (tensor<2x4x5x8xf32>, tensor<2x2x7x8xf32>, tensor<2x2x7x8xf32>) -> tensor<2x4x5x8xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @sdpa_grouped_query_heads(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x2x7x8xf32>, %value: tensor<2x2x7x8xf32>)
    -> tensor<2x4x5x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<2x4x5x8xf32>, tensor<2x2x7x8xf32>, tensor<2x2x7x8xf32>)
          -> tensor<2x4x5x8xf32>
  return %out : tensor<2x4x5x8xf32>
}

// The value head size Dv = 16 differs from D = 8; the result has Dv.
// CHECK-LABEL: func.func @sdpa_value_head_size_differs(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x4x5x8xf32>,
// CHECK-SAME:      %[[KEY:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>,
// CHECK-SAME:      %[[VALUE:[a-zA-Z0-9_]+]]: tensor<2x4x7x16xf32>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.scaled_dot_product_attention %[[QUERY]], %[[KEY]], %[[VALUE]] :
// CHECK-SAME:        (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x16xf32>) -> tensor<2x4x5x16xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @sdpa_value_head_size_differs(%query: tensor<2x4x5x8xf32>,
    %key: tensor<2x4x7x8xf32>, %value: tensor<2x4x7x16xf32>)
    -> tensor<2x4x5x16xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>, tensor<2x4x7x16xf32>)
          -> tensor<2x4x5x16xf32>
  return %out : tensor<2x4x5x16xf32>
}

// CHECK-LABEL: func.func @sdpa_dynamic_dims(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<?x4x?x8xf32>,
// CHECK-SAME:      %[[KEY:[a-zA-Z0-9_]+]]: tensor<?x4x?x8xf32>,
// CHECK-SAME:      %[[VALUE:[a-zA-Z0-9_]+]]: tensor<?x4x?x8xf32>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.scaled_dot_product_attention %[[QUERY]], %[[KEY]], %[[VALUE]] causal :
// CHECK-SAME:        (tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>) -> tensor<?x4x?x8xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @sdpa_dynamic_dims(%query: tensor<?x4x?x8xf32>,
    %key: tensor<?x4x?x8xf32>, %value: tensor<?x4x?x8xf32>)
    -> tensor<?x4x?x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value causal
      : (tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>)
          -> tensor<?x4x?x8xf32>
  return %out : tensor<?x4x?x8xf32>
}

// CHECK-LABEL: func.func @sdpa_mask_scale_causal_grouped_query(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<1x4x5x8xf32>,
// CHECK-SAME:      %[[KEY:[a-zA-Z0-9_]+]]: tensor<1x2x12x8xf32>,
// CHECK-SAME:      %[[VALUE:[a-zA-Z0-9_]+]]: tensor<1x2x12x8xf32>,
// CHECK-SAME:      %[[MASK:[a-zA-Z0-9_]+]]: tensor<1x1x5x12xi1>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.scaled_dot_product_attention %[[QUERY]], %[[KEY]], %[[VALUE]] mask(%[[MASK]]) scale(0.35355339059327373) causal :
// CHECK-SAME:        (tensor<1x4x5x8xf32>, tensor<1x2x12x8xf32>, tensor<1x2x12x8xf32>, tensor<1x1x5x12xi1>) -> tensor<1x4x5x8xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @sdpa_mask_scale_causal_grouped_query(%query: tensor<1x4x5x8xf32>,
    %key: tensor<1x2x12x8xf32>, %value: tensor<1x2x12x8xf32>,
    %mask: tensor<1x1x5x12xi1>) -> tensor<1x4x5x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      scale(0.35355339059327373) causal
      : (tensor<1x4x5x8xf32>, tensor<1x2x12x8xf32>, tensor<1x2x12x8xf32>,
          tensor<1x1x5x12xi1>) -> tensor<1x4x5x8xf32>
  return %out : tensor<1x4x5x8xf32>
}

// CHECK-LABEL: func.func @sdpa_f16_additive_mask(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x4x5x8xf16>,
// CHECK-SAME:      %[[KEY:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf16>,
// CHECK-SAME:      %[[VALUE:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf16>,
// CHECK-SAME:      %[[MASK:[a-zA-Z0-9_]+]]: tensor<5x7xf16>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.scaled_dot_product_attention %[[QUERY]], %[[KEY]], %[[VALUE]] mask(%[[MASK]]) :
// CHECK-SAME:        (tensor<2x4x5x8xf16>, tensor<2x4x7x8xf16>, tensor<2x4x7x8xf16>, tensor<5x7xf16>) -> tensor<2x4x5x8xf16>{{$}}
// CHECK:         return %[[OUT]] :
func.func @sdpa_f16_additive_mask(%query: tensor<2x4x5x8xf16>,
    %key: tensor<2x4x7x8xf16>, %value: tensor<2x4x7x8xf16>,
    %mask: tensor<5x7xf16>) -> tensor<2x4x5x8xf16> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value mask(%mask)
      : (tensor<2x4x5x8xf16>, tensor<2x4x7x8xf16>, tensor<2x4x7x8xf16>,
          tensor<5x7xf16>) -> tensor<2x4x5x8xf16>
  return %out : tensor<2x4x5x8xf16>
}

//===----------------------------------------------------------------------===//
// s2s.multi_head_attention
//===----------------------------------------------------------------------===//

// Self-attention, time-major, packed projection, no biases.
// CHECK-LABEL: func.func @mha_self_packed_no_biases(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<5x2x16xf32>,
// CHECK-SAME:      %[[IN_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<48x16xf32>,
// CHECK-SAME:      %[[OUT_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x16xf32>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.multi_head_attention %[[QUERY]] in_proj_weight(%[[IN_PROJ_WEIGHT]]) out_proj_weight(%[[OUT_PROJ_WEIGHT]]) num_heads(4) :
// CHECK-SAME:        (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>) -> tensor<5x2x16xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @mha_self_packed_no_biases(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>)
    -> tensor<5x2x16xf32> {
  %out = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) num_heads(4)
      : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>)
          -> tensor<5x2x16xf32>
  return %out : tensor<5x2x16xf32>
}

// CHECK-LABEL: func.func @mha_self_packed_with_biases(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<5x2x16xf32>,
// CHECK-SAME:      %[[IN_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<48x16xf32>,
// CHECK-SAME:      %[[IN_PROJ_BIAS:[a-zA-Z0-9_]+]]: tensor<48xf32>,
// CHECK-SAME:      %[[OUT_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x16xf32>,
// CHECK-SAME:      %[[OUT_PROJ_BIAS:[a-zA-Z0-9_]+]]: tensor<16xf32>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.multi_head_attention %[[QUERY]] in_proj_weight(%[[IN_PROJ_WEIGHT]]) in_proj_bias(%[[IN_PROJ_BIAS]]) out_proj_weight(%[[OUT_PROJ_WEIGHT]]) out_proj_bias(%[[OUT_PROJ_BIAS]]) num_heads(4) :
// CHECK-SAME:        (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<48xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<5x2x16xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @mha_self_packed_with_biases(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %in_proj_bias: tensor<48xf32>,
    %out_proj_weight: tensor<16x16xf32>, %out_proj_bias: tensor<16xf32>)
    -> tensor<5x2x16xf32> {
  %out = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      in_proj_bias(%in_proj_bias) out_proj_weight(%out_proj_weight)
      out_proj_bias(%out_proj_bias) num_heads(4)
      : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<48xf32>,
          tensor<16x16xf32>, tensor<16xf32>) -> tensor<5x2x16xf32>
  return %out : tensor<5x2x16xf32>
}

// CHECK-LABEL: func.func @mha_self_packed_out_proj_bias_only(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<5x2x16xf32>,
// CHECK-SAME:      %[[IN_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<48x16xf32>,
// CHECK-SAME:      %[[OUT_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x16xf32>,
// CHECK-SAME:      %[[OUT_PROJ_BIAS:[a-zA-Z0-9_]+]]: tensor<16xf32>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.multi_head_attention %[[QUERY]] in_proj_weight(%[[IN_PROJ_WEIGHT]]) out_proj_weight(%[[OUT_PROJ_WEIGHT]]) out_proj_bias(%[[OUT_PROJ_BIAS]]) num_heads(4) :
// CHECK-SAME:        (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<5x2x16xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @mha_self_packed_out_proj_bias_only(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>,
    %out_proj_bias: tensor<16xf32>) -> tensor<5x2x16xf32> {
  %out = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) out_proj_bias(%out_proj_bias)
      num_heads(4)
      : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>,
          tensor<16xf32>) -> tensor<5x2x16xf32>
  return %out : tensor<5x2x16xf32>
}

// CHECK-LABEL: func.func @mha_self_packed_in_proj_bias_only(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<5x2x16xf32>,
// CHECK-SAME:      %[[IN_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<48x16xf32>,
// CHECK-SAME:      %[[IN_PROJ_BIAS:[a-zA-Z0-9_]+]]: tensor<48xf32>,
// CHECK-SAME:      %[[OUT_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x16xf32>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.multi_head_attention %[[QUERY]] in_proj_weight(%[[IN_PROJ_WEIGHT]]) in_proj_bias(%[[IN_PROJ_BIAS]]) out_proj_weight(%[[OUT_PROJ_WEIGHT]]) num_heads(4) :
// CHECK-SAME:        (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<48xf32>, tensor<16x16xf32>) -> tensor<5x2x16xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @mha_self_packed_in_proj_bias_only(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %in_proj_bias: tensor<48xf32>,
    %out_proj_weight: tensor<16x16xf32>) -> tensor<5x2x16xf32> {
  %out = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      in_proj_bias(%in_proj_bias) out_proj_weight(%out_proj_weight) num_heads(4)
      : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<48xf32>,
          tensor<16x16xf32>) -> tensor<5x2x16xf32>
  return %out : tensor<5x2x16xf32>
}

// Self-attention with separate projection weights (kdim = vdim = E).
// CHECK-LABEL: func.func @mha_self_separate_weights(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<5x2x16xf32>,
// CHECK-SAME:      %[[Q_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x16xf32>,
// CHECK-SAME:      %[[K_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x16xf32>,
// CHECK-SAME:      %[[V_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x16xf32>,
// CHECK-SAME:      %[[OUT_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x16xf32>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.multi_head_attention %[[QUERY]] q_proj_weight(%[[Q_PROJ_WEIGHT]]) k_proj_weight(%[[K_PROJ_WEIGHT]]) v_proj_weight(%[[V_PROJ_WEIGHT]]) out_proj_weight(%[[OUT_PROJ_WEIGHT]]) num_heads(2) :
// CHECK-SAME:        (tensor<5x2x16xf32>, tensor<16x16xf32>, tensor<16x16xf32>, tensor<16x16xf32>, tensor<16x16xf32>) -> tensor<5x2x16xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @mha_self_separate_weights(%query: tensor<5x2x16xf32>,
    %q_proj_weight: tensor<16x16xf32>, %k_proj_weight: tensor<16x16xf32>,
    %v_proj_weight: tensor<16x16xf32>, %out_proj_weight: tensor<16x16xf32>)
    -> tensor<5x2x16xf32> {
  %out = s2s.multi_head_attention %query q_proj_weight(%q_proj_weight)
      k_proj_weight(%k_proj_weight) v_proj_weight(%v_proj_weight)
      out_proj_weight(%out_proj_weight) num_heads(2)
      : (tensor<5x2x16xf32>, tensor<16x16xf32>, tensor<16x16xf32>,
          tensor<16x16xf32>, tensor<16x16xf32>) -> tensor<5x2x16xf32>
  return %out : tensor<5x2x16xf32>
}

// Cross-attention with the packed projection: Ek = Ev = E.
// CHECK-LABEL: func.func @mha_cross_packed(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<5x2x16xf32>,
// CHECK-SAME:      %[[KEY:[a-zA-Z0-9_]+]]: tensor<7x2x16xf32>,
// CHECK-SAME:      %[[VALUE:[a-zA-Z0-9_]+]]: tensor<7x2x16xf32>,
// CHECK-SAME:      %[[IN_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<48x16xf32>,
// CHECK-SAME:      %[[IN_PROJ_BIAS:[a-zA-Z0-9_]+]]: tensor<48xf32>,
// CHECK-SAME:      %[[OUT_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x16xf32>,
// CHECK-SAME:      %[[OUT_PROJ_BIAS:[a-zA-Z0-9_]+]]: tensor<16xf32>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.multi_head_attention %[[QUERY]], %[[KEY]], %[[VALUE]] in_proj_weight(%[[IN_PROJ_WEIGHT]]) in_proj_bias(%[[IN_PROJ_BIAS]]) out_proj_weight(%[[OUT_PROJ_WEIGHT]]) out_proj_bias(%[[OUT_PROJ_BIAS]]) num_heads(4) :
// CHECK-SAME:        (tensor<5x2x16xf32>, tensor<7x2x16xf32>, tensor<7x2x16xf32>, tensor<48x16xf32>, tensor<48xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<5x2x16xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @mha_cross_packed(%query: tensor<5x2x16xf32>,
    %key: tensor<7x2x16xf32>, %value: tensor<7x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %in_proj_bias: tensor<48xf32>,
    %out_proj_weight: tensor<16x16xf32>, %out_proj_bias: tensor<16xf32>)
    -> tensor<5x2x16xf32> {
  %out = s2s.multi_head_attention %query, %key, %value
      in_proj_weight(%in_proj_weight) in_proj_bias(%in_proj_bias)
      out_proj_weight(%out_proj_weight) out_proj_bias(%out_proj_bias)
      num_heads(4)
      : (tensor<5x2x16xf32>, tensor<7x2x16xf32>, tensor<7x2x16xf32>,
          tensor<48x16xf32>, tensor<48xf32>, tensor<16x16xf32>, tensor<16xf32>)
          -> tensor<5x2x16xf32>
  return %out : tensor<5x2x16xf32>
}

// Cross-attention with kdim = 12 and vdim = 10, different from E = 16.
// CHECK-LABEL: func.func @mha_cross_separate_kdim_vdim(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<5x2x16xf32>,
// CHECK-SAME:      %[[KEY:[a-zA-Z0-9_]+]]: tensor<7x2x12xf32>,
// CHECK-SAME:      %[[VALUE:[a-zA-Z0-9_]+]]: tensor<7x2x10xf32>,
// CHECK-SAME:      %[[Q_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x16xf32>,
// CHECK-SAME:      %[[K_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x12xf32>,
// CHECK-SAME:      %[[V_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x10xf32>,
// CHECK-SAME:      %[[IN_PROJ_BIAS:[a-zA-Z0-9_]+]]: tensor<48xf32>,
// CHECK-SAME:      %[[OUT_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x16xf32>,
// CHECK-SAME:      %[[OUT_PROJ_BIAS:[a-zA-Z0-9_]+]]: tensor<16xf32>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.multi_head_attention %[[QUERY]], %[[KEY]], %[[VALUE]] q_proj_weight(%[[Q_PROJ_WEIGHT]]) k_proj_weight(%[[K_PROJ_WEIGHT]]) v_proj_weight(%[[V_PROJ_WEIGHT]]) in_proj_bias(%[[IN_PROJ_BIAS]]) out_proj_weight(%[[OUT_PROJ_WEIGHT]]) out_proj_bias(%[[OUT_PROJ_BIAS]]) num_heads(4) :
// CHECK-SAME:        (tensor<5x2x16xf32>, tensor<7x2x12xf32>, tensor<7x2x10xf32>, tensor<16x16xf32>, tensor<16x12xf32>, tensor<16x10xf32>, tensor<48xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<5x2x16xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @mha_cross_separate_kdim_vdim(%query: tensor<5x2x16xf32>,
    %key: tensor<7x2x12xf32>, %value: tensor<7x2x10xf32>,
    %q_proj_weight: tensor<16x16xf32>, %k_proj_weight: tensor<16x12xf32>,
    %v_proj_weight: tensor<16x10xf32>, %in_proj_bias: tensor<48xf32>,
    %out_proj_weight: tensor<16x16xf32>, %out_proj_bias: tensor<16xf32>)
    -> tensor<5x2x16xf32> {
  %out = s2s.multi_head_attention %query, %key, %value
      q_proj_weight(%q_proj_weight) k_proj_weight(%k_proj_weight)
      v_proj_weight(%v_proj_weight) in_proj_bias(%in_proj_bias)
      out_proj_weight(%out_proj_weight) out_proj_bias(%out_proj_bias)
      num_heads(4)
      : (tensor<5x2x16xf32>, tensor<7x2x12xf32>, tensor<7x2x10xf32>,
          tensor<16x16xf32>, tensor<16x12xf32>, tensor<16x10xf32>,
          tensor<48xf32>, tensor<16x16xf32>, tensor<16xf32>)
          -> tensor<5x2x16xf32>
  return %out : tensor<5x2x16xf32>
}

// CHECK-LABEL: func.func @mha_key_padding_mask_bool(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<5x2x16xf32>,
// CHECK-SAME:      %[[KEY:[a-zA-Z0-9_]+]]: tensor<7x2x16xf32>,
// CHECK-SAME:      %[[VALUE:[a-zA-Z0-9_]+]]: tensor<7x2x16xf32>,
// CHECK-SAME:      %[[IN_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<48x16xf32>,
// CHECK-SAME:      %[[OUT_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x16xf32>,
// CHECK-SAME:      %[[KEY_PADDING_MASK:[a-zA-Z0-9_]+]]: tensor<2x7xi1>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.multi_head_attention %[[QUERY]], %[[KEY]], %[[VALUE]] in_proj_weight(%[[IN_PROJ_WEIGHT]]) out_proj_weight(%[[OUT_PROJ_WEIGHT]]) key_padding_mask(%[[KEY_PADDING_MASK]]) num_heads(4) :
// CHECK-SAME:        (tensor<5x2x16xf32>, tensor<7x2x16xf32>, tensor<7x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>, tensor<2x7xi1>) -> tensor<5x2x16xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @mha_key_padding_mask_bool(%query: tensor<5x2x16xf32>,
    %key: tensor<7x2x16xf32>, %value: tensor<7x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>,
    %key_padding_mask: tensor<2x7xi1>) -> tensor<5x2x16xf32> {
  %out = s2s.multi_head_attention %query, %key, %value
      in_proj_weight(%in_proj_weight) out_proj_weight(%out_proj_weight)
      key_padding_mask(%key_padding_mask) num_heads(4)
      : (tensor<5x2x16xf32>, tensor<7x2x16xf32>, tensor<7x2x16xf32>,
          tensor<48x16xf32>, tensor<16x16xf32>, tensor<2x7xi1>)
          -> tensor<5x2x16xf32>
  return %out : tensor<5x2x16xf32>
}

// CHECK-LABEL: func.func @mha_key_padding_mask_float(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<5x2x16xf32>,
// CHECK-SAME:      %[[IN_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<48x16xf32>,
// CHECK-SAME:      %[[OUT_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x16xf32>,
// CHECK-SAME:      %[[KEY_PADDING_MASK:[a-zA-Z0-9_]+]]: tensor<2x5xf32>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.multi_head_attention %[[QUERY]] in_proj_weight(%[[IN_PROJ_WEIGHT]]) out_proj_weight(%[[OUT_PROJ_WEIGHT]]) key_padding_mask(%[[KEY_PADDING_MASK]]) num_heads(4) :
// CHECK-SAME:        (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>, tensor<2x5xf32>) -> tensor<5x2x16xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @mha_key_padding_mask_float(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>,
    %key_padding_mask: tensor<2x5xf32>) -> tensor<5x2x16xf32> {
  %out = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) key_padding_mask(%key_padding_mask)
      num_heads(4)
      : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>,
          tensor<2x5xf32>) -> tensor<5x2x16xf32>
  return %out : tensor<5x2x16xf32>
}

// CHECK-LABEL: func.func @mha_attn_mask_rank2(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<5x2x16xf32>,
// CHECK-SAME:      %[[KEY:[a-zA-Z0-9_]+]]: tensor<7x2x16xf32>,
// CHECK-SAME:      %[[VALUE:[a-zA-Z0-9_]+]]: tensor<7x2x16xf32>,
// CHECK-SAME:      %[[IN_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<48x16xf32>,
// CHECK-SAME:      %[[OUT_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x16xf32>,
// CHECK-SAME:      %[[ATTN_MASK:[a-zA-Z0-9_]+]]: tensor<5x7xi1>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.multi_head_attention %[[QUERY]], %[[KEY]], %[[VALUE]] in_proj_weight(%[[IN_PROJ_WEIGHT]]) out_proj_weight(%[[OUT_PROJ_WEIGHT]]) attn_mask(%[[ATTN_MASK]]) num_heads(4) :
// CHECK-SAME:        (tensor<5x2x16xf32>, tensor<7x2x16xf32>, tensor<7x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>, tensor<5x7xi1>) -> tensor<5x2x16xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @mha_attn_mask_rank2(%query: tensor<5x2x16xf32>,
    %key: tensor<7x2x16xf32>, %value: tensor<7x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>,
    %attn_mask: tensor<5x7xi1>) -> tensor<5x2x16xf32> {
  %out = s2s.multi_head_attention %query, %key, %value
      in_proj_weight(%in_proj_weight) out_proj_weight(%out_proj_weight)
      attn_mask(%attn_mask) num_heads(4)
      : (tensor<5x2x16xf32>, tensor<7x2x16xf32>, tensor<7x2x16xf32>,
          tensor<48x16xf32>, tensor<16x16xf32>, tensor<5x7xi1>)
          -> tensor<5x2x16xf32>
  return %out : tensor<5x2x16xf32>
}

// A per-head additive mask [B * num_heads, Tq, Tk] = [8, 5, 7].
// CHECK-LABEL: func.func @mha_attn_mask_rank3_per_head(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<5x2x16xf32>,
// CHECK-SAME:      %[[KEY:[a-zA-Z0-9_]+]]: tensor<7x2x16xf32>,
// CHECK-SAME:      %[[VALUE:[a-zA-Z0-9_]+]]: tensor<7x2x16xf32>,
// CHECK-SAME:      %[[IN_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<48x16xf32>,
// CHECK-SAME:      %[[OUT_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x16xf32>,
// CHECK-SAME:      %[[ATTN_MASK:[a-zA-Z0-9_]+]]: tensor<8x5x7xf32>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.multi_head_attention %[[QUERY]], %[[KEY]], %[[VALUE]] in_proj_weight(%[[IN_PROJ_WEIGHT]]) out_proj_weight(%[[OUT_PROJ_WEIGHT]]) attn_mask(%[[ATTN_MASK]]) num_heads(4) :
// CHECK-SAME:        (tensor<5x2x16xf32>, tensor<7x2x16xf32>, tensor<7x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>, tensor<8x5x7xf32>) -> tensor<5x2x16xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @mha_attn_mask_rank3_per_head(%query: tensor<5x2x16xf32>,
    %key: tensor<7x2x16xf32>, %value: tensor<7x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>,
    %attn_mask: tensor<8x5x7xf32>) -> tensor<5x2x16xf32> {
  %out = s2s.multi_head_attention %query, %key, %value
      in_proj_weight(%in_proj_weight) out_proj_weight(%out_proj_weight)
      attn_mask(%attn_mask) num_heads(4)
      : (tensor<5x2x16xf32>, tensor<7x2x16xf32>, tensor<7x2x16xf32>,
          tensor<48x16xf32>, tensor<16x16xf32>, tensor<8x5x7xf32>)
          -> tensor<5x2x16xf32>
  return %out : tensor<5x2x16xf32>
}

// CHECK-LABEL: func.func @mha_causal(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<5x2x16xf32>,
// CHECK-SAME:      %[[IN_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<48x16xf32>,
// CHECK-SAME:      %[[OUT_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x16xf32>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.multi_head_attention %[[QUERY]] in_proj_weight(%[[IN_PROJ_WEIGHT]]) out_proj_weight(%[[OUT_PROJ_WEIGHT]]) num_heads(4) causal :
// CHECK-SAME:        (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>) -> tensor<5x2x16xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @mha_causal(%query: tensor<5x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>)
    -> tensor<5x2x16xf32> {
  %out = s2s.multi_head_attention %query in_proj_weight(%in_proj_weight)
      out_proj_weight(%out_proj_weight) num_heads(4) causal
      : (tensor<5x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>)
          -> tensor<5x2x16xf32>
  return %out : tensor<5x2x16xf32>
}

// CHECK-LABEL: func.func @mha_batch_first(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x5x16xf32>,
// CHECK-SAME:      %[[KEY:[a-zA-Z0-9_]+]]: tensor<2x7x12xf32>,
// CHECK-SAME:      %[[VALUE:[a-zA-Z0-9_]+]]: tensor<2x7x10xf32>,
// CHECK-SAME:      %[[Q_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x16xf32>,
// CHECK-SAME:      %[[K_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x12xf32>,
// CHECK-SAME:      %[[V_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x10xf32>,
// CHECK-SAME:      %[[OUT_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x16xf32>,
// CHECK-SAME:      %[[KEY_PADDING_MASK:[a-zA-Z0-9_]+]]: tensor<2x7xi1>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]] = s2s.multi_head_attention %[[QUERY]], %[[KEY]], %[[VALUE]] q_proj_weight(%[[Q_PROJ_WEIGHT]]) k_proj_weight(%[[K_PROJ_WEIGHT]]) v_proj_weight(%[[V_PROJ_WEIGHT]]) out_proj_weight(%[[OUT_PROJ_WEIGHT]]) key_padding_mask(%[[KEY_PADDING_MASK]]) num_heads(4) batch_first :
// CHECK-SAME:        (tensor<2x5x16xf32>, tensor<2x7x12xf32>, tensor<2x7x10xf32>, tensor<16x16xf32>, tensor<16x12xf32>, tensor<16x10xf32>, tensor<16x16xf32>, tensor<2x7xi1>) -> tensor<2x5x16xf32>{{$}}
// CHECK:         return %[[OUT]] :
func.func @mha_batch_first(%query: tensor<2x5x16xf32>, %key: tensor<2x7x12xf32>,
    %value: tensor<2x7x10xf32>, %q_proj_weight: tensor<16x16xf32>,
    %k_proj_weight: tensor<16x12xf32>, %v_proj_weight: tensor<16x10xf32>,
    %out_proj_weight: tensor<16x16xf32>, %key_padding_mask: tensor<2x7xi1>)
    -> tensor<2x5x16xf32> {
  %out = s2s.multi_head_attention %query, %key, %value
      q_proj_weight(%q_proj_weight) k_proj_weight(%k_proj_weight)
      v_proj_weight(%v_proj_weight) out_proj_weight(%out_proj_weight)
      key_padding_mask(%key_padding_mask) num_heads(4) batch_first
      : (tensor<2x5x16xf32>, tensor<2x7x12xf32>, tensor<2x7x10xf32>,
          tensor<16x16xf32>, tensor<16x12xf32>, tensor<16x10xf32>,
          tensor<16x16xf32>, tensor<2x7xi1>) -> tensor<2x5x16xf32>
  return %out : tensor<2x5x16xf32>
}

// need_weights adds the head-averaged weights [B, Tq, Tk] in either layout.
// CHECK-LABEL: func.func @mha_need_weights_time_major(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<5x2x16xf32>,
// CHECK-SAME:      %[[KEY:[a-zA-Z0-9_]+]]: tensor<7x2x16xf32>,
// CHECK-SAME:      %[[VALUE:[a-zA-Z0-9_]+]]: tensor<7x2x16xf32>,
// CHECK-SAME:      %[[IN_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<48x16xf32>,
// CHECK-SAME:      %[[OUT_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x16xf32>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]], %[[AVG_WEIGHTS:[a-zA-Z0-9_]+]] = s2s.multi_head_attention %[[QUERY]], %[[KEY]], %[[VALUE]] in_proj_weight(%[[IN_PROJ_WEIGHT]]) out_proj_weight(%[[OUT_PROJ_WEIGHT]]) num_heads(4) need_weights :
// CHECK-SAME:        (tensor<5x2x16xf32>, tensor<7x2x16xf32>, tensor<7x2x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>) -> (tensor<5x2x16xf32>, tensor<2x5x7xf32>){{$}}
// CHECK:         return %[[OUT]], %[[AVG_WEIGHTS]] :
func.func @mha_need_weights_time_major(%query: tensor<5x2x16xf32>,
    %key: tensor<7x2x16xf32>, %value: tensor<7x2x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>)
    -> (tensor<5x2x16xf32>, tensor<2x5x7xf32>) {
  %out, %avg_weights = s2s.multi_head_attention %query, %key, %value
      in_proj_weight(%in_proj_weight) out_proj_weight(%out_proj_weight)
      num_heads(4) need_weights
      : (tensor<5x2x16xf32>, tensor<7x2x16xf32>, tensor<7x2x16xf32>,
          tensor<48x16xf32>, tensor<16x16xf32>) -> (tensor<5x2x16xf32>,
          tensor<2x5x7xf32>)
  return %out, %avg_weights : tensor<5x2x16xf32>, tensor<2x5x7xf32>
}

// CHECK-LABEL: func.func @mha_all_operands_and_flags(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<2x5x16xf32>,
// CHECK-SAME:      %[[KEY:[a-zA-Z0-9_]+]]: tensor<2x7x16xf32>,
// CHECK-SAME:      %[[VALUE:[a-zA-Z0-9_]+]]: tensor<2x7x16xf32>,
// CHECK-SAME:      %[[IN_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<48x16xf32>,
// CHECK-SAME:      %[[IN_PROJ_BIAS:[a-zA-Z0-9_]+]]: tensor<48xf32>,
// CHECK-SAME:      %[[OUT_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x16xf32>,
// CHECK-SAME:      %[[OUT_PROJ_BIAS:[a-zA-Z0-9_]+]]: tensor<16xf32>,
// CHECK-SAME:      %[[KEY_PADDING_MASK:[a-zA-Z0-9_]+]]: tensor<2x7xi1>,
// CHECK-SAME:      %[[ATTN_MASK:[a-zA-Z0-9_]+]]: tensor<5x7xf32>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]], %[[AVG_WEIGHTS:[a-zA-Z0-9_]+]] = s2s.multi_head_attention %[[QUERY]], %[[KEY]], %[[VALUE]] in_proj_weight(%[[IN_PROJ_WEIGHT]]) in_proj_bias(%[[IN_PROJ_BIAS]]) out_proj_weight(%[[OUT_PROJ_WEIGHT]]) out_proj_bias(%[[OUT_PROJ_BIAS]]) key_padding_mask(%[[KEY_PADDING_MASK]]) attn_mask(%[[ATTN_MASK]]) num_heads(4) batch_first causal need_weights :
// CHECK-SAME:        (tensor<2x5x16xf32>, tensor<2x7x16xf32>, tensor<2x7x16xf32>, tensor<48x16xf32>, tensor<48xf32>, tensor<16x16xf32>, tensor<16xf32>, tensor<2x7xi1>, tensor<5x7xf32>) -> (tensor<2x5x16xf32>, tensor<2x5x7xf32>){{$}}
// CHECK:         return %[[OUT]], %[[AVG_WEIGHTS]] :
func.func @mha_all_operands_and_flags(%query: tensor<2x5x16xf32>,
    %key: tensor<2x7x16xf32>, %value: tensor<2x7x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %in_proj_bias: tensor<48xf32>,
    %out_proj_weight: tensor<16x16xf32>, %out_proj_bias: tensor<16xf32>,
    %key_padding_mask: tensor<2x7xi1>, %attn_mask: tensor<5x7xf32>)
    -> (tensor<2x5x16xf32>, tensor<2x5x7xf32>) {
  %out, %avg_weights = s2s.multi_head_attention %query, %key, %value
      in_proj_weight(%in_proj_weight) in_proj_bias(%in_proj_bias)
      out_proj_weight(%out_proj_weight) out_proj_bias(%out_proj_bias)
      key_padding_mask(%key_padding_mask) attn_mask(%attn_mask) num_heads(4)
      batch_first causal need_weights
      : (tensor<2x5x16xf32>, tensor<2x7x16xf32>, tensor<2x7x16xf32>,
          tensor<48x16xf32>, tensor<48xf32>, tensor<16x16xf32>, tensor<16xf32>,
          tensor<2x7xi1>, tensor<5x7xf32>) -> (tensor<2x5x16xf32>,
          tensor<2x5x7xf32>)
  return %out, %avg_weights : tensor<2x5x16xf32>, tensor<2x5x7xf32>
}

// CHECK-LABEL: func.func @mha_dynamic_dims(
// CHECK-SAME:      %[[QUERY:[a-zA-Z0-9_]+]]: tensor<?x?x16xf32>,
// CHECK-SAME:      %[[IN_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<48x16xf32>,
// CHECK-SAME:      %[[OUT_PROJ_WEIGHT:[a-zA-Z0-9_]+]]: tensor<16x16xf32>)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]], %[[AVG_WEIGHTS:[a-zA-Z0-9_]+]] = s2s.multi_head_attention %[[QUERY]] in_proj_weight(%[[IN_PROJ_WEIGHT]]) out_proj_weight(%[[OUT_PROJ_WEIGHT]]) num_heads(8) need_weights :
// CHECK-SAME:        (tensor<?x?x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>) -> (tensor<?x?x16xf32>, tensor<?x?x?xf32>){{$}}
// CHECK:         return %[[OUT]], %[[AVG_WEIGHTS]] :
func.func @mha_dynamic_dims(%query: tensor<?x?x16xf32>,
    %in_proj_weight: tensor<48x16xf32>, %out_proj_weight: tensor<16x16xf32>)
    -> (tensor<?x?x16xf32>, tensor<?x?x?xf32>) {
  %out, %avg_weights = s2s.multi_head_attention %query
      in_proj_weight(%in_proj_weight) out_proj_weight(%out_proj_weight)
      num_heads(8) need_weights
      : (tensor<?x?x16xf32>, tensor<48x16xf32>, tensor<16x16xf32>)
          -> (tensor<?x?x16xf32>, tensor<?x?x?xf32>)
  return %out, %avg_weights : tensor<?x?x16xf32>, tensor<?x?x?xf32>
}

//===----------------------------------------------------------------------===//
// s2s.linear
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @linear_rank1(
// CHECK-SAME:      %[[INPUT:[a-zA-Z0-9_]+]]: tensor<16xf32>,
// CHECK-SAME:      %[[WEIGHT:[a-zA-Z0-9_]+]]: tensor<12x16xf32>)
// CHECK:         %[[OUTPUT:[a-zA-Z0-9_]+]] = s2s.linear %[[INPUT]], %[[WEIGHT]] :
// CHECK-SAME:        (tensor<16xf32>, tensor<12x16xf32>) -> tensor<12xf32>{{$}}
// CHECK:         return %[[OUTPUT]] :
func.func @linear_rank1(%input: tensor<16xf32>, %weight: tensor<12x16xf32>)
    -> tensor<12xf32> {
  %output = s2s.linear %input, %weight : (tensor<16xf32>, tensor<12x16xf32>)
      -> tensor<12xf32>
  return %output : tensor<12xf32>
}

// CHECK-LABEL: func.func @linear_rank2_with_bias(
// CHECK-SAME:      %[[INPUT:[a-zA-Z0-9_]+]]: tensor<4x16xf32>,
// CHECK-SAME:      %[[WEIGHT:[a-zA-Z0-9_]+]]: tensor<12x16xf32>,
// CHECK-SAME:      %[[BIAS:[a-zA-Z0-9_]+]]: tensor<12xf32>)
// CHECK:         %[[OUTPUT:[a-zA-Z0-9_]+]] = s2s.linear %[[INPUT]], %[[WEIGHT]], %[[BIAS]] :
// CHECK-SAME:        (tensor<4x16xf32>, tensor<12x16xf32>, tensor<12xf32>) -> tensor<4x12xf32>{{$}}
// CHECK:         return %[[OUTPUT]] :
func.func @linear_rank2_with_bias(%input: tensor<4x16xf32>,
    %weight: tensor<12x16xf32>, %bias: tensor<12xf32>) -> tensor<4x12xf32> {
  %output = s2s.linear %input, %weight, %bias
      : (tensor<4x16xf32>, tensor<12x16xf32>, tensor<12xf32>)
      -> tensor<4x12xf32>
  return %output : tensor<4x12xf32>
}

// CHECK-LABEL: func.func @linear_rank3_with_bias(
// CHECK-SAME:      %[[INPUT:[a-zA-Z0-9_]+]]: tensor<2x5x16xf32>,
// CHECK-SAME:      %[[WEIGHT:[a-zA-Z0-9_]+]]: tensor<12x16xf32>,
// CHECK-SAME:      %[[BIAS:[a-zA-Z0-9_]+]]: tensor<12xf32>)
// CHECK:         %[[OUTPUT:[a-zA-Z0-9_]+]] = s2s.linear %[[INPUT]], %[[WEIGHT]], %[[BIAS]] :
// CHECK-SAME:        (tensor<2x5x16xf32>, tensor<12x16xf32>, tensor<12xf32>) -> tensor<2x5x12xf32>{{$}}
// CHECK:         return %[[OUTPUT]] :
func.func @linear_rank3_with_bias(%input: tensor<2x5x16xf32>,
    %weight: tensor<12x16xf32>, %bias: tensor<12xf32>) -> tensor<2x5x12xf32> {
  %output = s2s.linear %input, %weight, %bias
      : (tensor<2x5x16xf32>, tensor<12x16xf32>, tensor<12xf32>)
      -> tensor<2x5x12xf32>
  return %output : tensor<2x5x12xf32>
}

// CHECK-LABEL: func.func @linear_rank3_no_bias_dynamic(
// CHECK-SAME:      %[[INPUT:[a-zA-Z0-9_]+]]: tensor<?x?x16xbf16>,
// CHECK-SAME:      %[[WEIGHT:[a-zA-Z0-9_]+]]: tensor<12x16xbf16>)
// CHECK:         %[[OUTPUT:[a-zA-Z0-9_]+]] = s2s.linear %[[INPUT]], %[[WEIGHT]] :
// CHECK-SAME:        (tensor<?x?x16xbf16>, tensor<12x16xbf16>) -> tensor<?x?x12xbf16>{{$}}
// CHECK:         return %[[OUTPUT]] :
func.func @linear_rank3_no_bias_dynamic(%input: tensor<?x?x16xbf16>,
    %weight: tensor<12x16xbf16>) -> tensor<?x?x12xbf16> {
  %output = s2s.linear %input, %weight
      : (tensor<?x?x16xbf16>, tensor<12x16xbf16>) -> tensor<?x?x12xbf16>
  return %output : tensor<?x?x12xbf16>
}

//===----------------------------------------------------------------------===//
// s2s.layer_norm
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @layer_norm_no_affine(
// CHECK-SAME:      %[[INPUT:[a-zA-Z0-9_]+]]: tensor<2x5x16xf32>)
// CHECK:         %[[OUTPUT:[a-zA-Z0-9_]+]] = s2s.layer_norm %[[INPUT]] normalized_shape([16]) :
// CHECK-SAME:        (tensor<2x5x16xf32>) -> tensor<2x5x16xf32>{{$}}
// CHECK:         return %[[OUTPUT]] :
func.func @layer_norm_no_affine(%input: tensor<2x5x16xf32>)
    -> tensor<2x5x16xf32> {
  %output = s2s.layer_norm %input normalized_shape([16]) : (tensor<2x5x16xf32>)
      -> tensor<2x5x16xf32>
  return %output : tensor<2x5x16xf32>
}

// CHECK-LABEL: func.func @layer_norm_weight_and_bias(
// CHECK-SAME:      %[[INPUT:[a-zA-Z0-9_]+]]: tensor<2x5x16xf32>,
// CHECK-SAME:      %[[WEIGHT:[a-zA-Z0-9_]+]]: tensor<16xf32>,
// CHECK-SAME:      %[[BIAS:[a-zA-Z0-9_]+]]: tensor<16xf32>)
// CHECK:         %[[OUTPUT:[a-zA-Z0-9_]+]] = s2s.layer_norm %[[INPUT]] weight(%[[WEIGHT]]) bias(%[[BIAS]]) normalized_shape([16]) :
// CHECK-SAME:        (tensor<2x5x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<2x5x16xf32>{{$}}
// CHECK:         return %[[OUTPUT]] :
func.func @layer_norm_weight_and_bias(%input: tensor<2x5x16xf32>,
    %weight: tensor<16xf32>, %bias: tensor<16xf32>) -> tensor<2x5x16xf32> {
  %output = s2s.layer_norm %input weight(%weight) bias(%bias)
      normalized_shape([16])
      : (tensor<2x5x16xf32>, tensor<16xf32>, tensor<16xf32>)
      -> tensor<2x5x16xf32>
  return %output : tensor<2x5x16xf32>
}

// CHECK-LABEL: func.func @layer_norm_weight_only(
// CHECK-SAME:      %[[INPUT:[a-zA-Z0-9_]+]]: tensor<2x5x16xf32>,
// CHECK-SAME:      %[[WEIGHT:[a-zA-Z0-9_]+]]: tensor<16xf32>)
// CHECK:         %[[OUTPUT:[a-zA-Z0-9_]+]] = s2s.layer_norm %[[INPUT]] weight(%[[WEIGHT]]) normalized_shape([16]) :
// CHECK-SAME:        (tensor<2x5x16xf32>, tensor<16xf32>) -> tensor<2x5x16xf32>{{$}}
// CHECK:         return %[[OUTPUT]] :
func.func @layer_norm_weight_only(%input: tensor<2x5x16xf32>,
    %weight: tensor<16xf32>) -> tensor<2x5x16xf32> {
  %output = s2s.layer_norm %input weight(%weight) normalized_shape([16])
      : (tensor<2x5x16xf32>, tensor<16xf32>) -> tensor<2x5x16xf32>
  return %output : tensor<2x5x16xf32>
}

// CHECK-LABEL: func.func @layer_norm_bias_only_eps(
// CHECK-SAME:      %[[INPUT:[a-zA-Z0-9_]+]]: tensor<2x5x16xf32>,
// CHECK-SAME:      %[[BIAS:[a-zA-Z0-9_]+]]: tensor<16xf32>)
// CHECK:         %[[OUTPUT:[a-zA-Z0-9_]+]] = s2s.layer_norm %[[INPUT]] bias(%[[BIAS]]) normalized_shape([16]) eps(9.9999999999999995E-7) :
// CHECK-SAME:        (tensor<2x5x16xf32>, tensor<16xf32>) -> tensor<2x5x16xf32>{{$}}
// CHECK:         return %[[OUTPUT]] :
func.func @layer_norm_bias_only_eps(%input: tensor<2x5x16xf32>,
    %bias: tensor<16xf32>) -> tensor<2x5x16xf32> {
  %output = s2s.layer_norm %input bias(%bias) normalized_shape([16])
      eps(1.0e-06) : (tensor<2x5x16xf32>, tensor<16xf32>) -> tensor<2x5x16xf32>
  return %output : tensor<2x5x16xf32>
}

// eps(1e-05) is the default: elided.
// CHECK-LABEL: func.func @layer_norm_explicit_default_eps_elided(
// CHECK-SAME:      %[[INPUT:[a-zA-Z0-9_]+]]: tensor<2x5x16xf32>)
// CHECK:         %[[OUTPUT:[a-zA-Z0-9_]+]] = s2s.layer_norm %[[INPUT]] normalized_shape([16]) :
// CHECK-SAME:        (tensor<2x5x16xf32>) -> tensor<2x5x16xf32>{{$}}
// CHECK:         return %[[OUTPUT]] :
func.func @layer_norm_explicit_default_eps_elided(%input: tensor<2x5x16xf32>)
    -> tensor<2x5x16xf32> {
  %output = s2s.layer_norm %input normalized_shape([16]) eps(1.0e-05)
      : (tensor<2x5x16xf32>) -> tensor<2x5x16xf32>
  return %output : tensor<2x5x16xf32>
}

// Normalizes over the two trailing dimensions.
// CHECK-LABEL: func.func @layer_norm_two_trailing_dims(
// CHECK-SAME:      %[[INPUT:[a-zA-Z0-9_]+]]: tensor<2x5x16xf32>,
// CHECK-SAME:      %[[WEIGHT:[a-zA-Z0-9_]+]]: tensor<5x16xf32>,
// CHECK-SAME:      %[[BIAS:[a-zA-Z0-9_]+]]: tensor<5x16xf32>)
// CHECK:         %[[OUTPUT:[a-zA-Z0-9_]+]] = s2s.layer_norm %[[INPUT]] weight(%[[WEIGHT]]) bias(%[[BIAS]]) normalized_shape([5, 16]) eps(1.000000e-03) :
// CHECK-SAME:        (tensor<2x5x16xf32>, tensor<5x16xf32>, tensor<5x16xf32>) -> tensor<2x5x16xf32>{{$}}
// CHECK:         return %[[OUTPUT]] :
func.func @layer_norm_two_trailing_dims(%input: tensor<2x5x16xf32>,
    %weight: tensor<5x16xf32>, %bias: tensor<5x16xf32>) -> tensor<2x5x16xf32> {
  %output = s2s.layer_norm %input weight(%weight) bias(%bias)
      normalized_shape([5, 16]) eps(1.000000e-03)
      : (tensor<2x5x16xf32>, tensor<5x16xf32>, tensor<5x16xf32>)
      -> tensor<2x5x16xf32>
  return %output : tensor<2x5x16xf32>
}

// CHECK-LABEL: func.func @layer_norm_dynamic_leading_dims(
// CHECK-SAME:      %[[INPUT:[a-zA-Z0-9_]+]]: tensor<?x?x16xf32>,
// CHECK-SAME:      %[[WEIGHT:[a-zA-Z0-9_]+]]: tensor<16xf32>)
// CHECK:         %[[OUTPUT:[a-zA-Z0-9_]+]] = s2s.layer_norm %[[INPUT]] weight(%[[WEIGHT]]) normalized_shape([16]) :
// CHECK-SAME:        (tensor<?x?x16xf32>, tensor<16xf32>) -> tensor<?x?x16xf32>{{$}}
// CHECK:         return %[[OUTPUT]] :
func.func @layer_norm_dynamic_leading_dims(%input: tensor<?x?x16xf32>,
    %weight: tensor<16xf32>) -> tensor<?x?x16xf32> {
  %output = s2s.layer_norm %input weight(%weight) normalized_shape([16])
      : (tensor<?x?x16xf32>, tensor<16xf32>) -> tensor<?x?x16xf32>
  return %output : tensor<?x?x16xf32>
}

//===----------------------------------------------------------------------===//
// s2s.embedding
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @embedding_i64_1d(
// CHECK-SAME:      %[[INDICES:[a-zA-Z0-9_]+]]: tensor<7xi64>,
// CHECK-SAME:      %[[WEIGHT:[a-zA-Z0-9_]+]]: tensor<20x8xf32>)
// CHECK:         %[[OUTPUT:[a-zA-Z0-9_]+]] = s2s.embedding %[[INDICES]], %[[WEIGHT]] :
// CHECK-SAME:        (tensor<7xi64>, tensor<20x8xf32>) -> tensor<7x8xf32>{{$}}
// CHECK:         return %[[OUTPUT]] :
func.func @embedding_i64_1d(%indices: tensor<7xi64>, %weight: tensor<20x8xf32>)
    -> tensor<7x8xf32> {
  %output = s2s.embedding %indices, %weight : (tensor<7xi64>, tensor<20x8xf32>)
      -> tensor<7x8xf32>
  return %output : tensor<7x8xf32>
}

// CHECK-LABEL: func.func @embedding_i32_2d(
// CHECK-SAME:      %[[INDICES:[a-zA-Z0-9_]+]]: tensor<7x3xi32>,
// CHECK-SAME:      %[[WEIGHT:[a-zA-Z0-9_]+]]: tensor<20x8xf32>)
// CHECK:         %[[OUTPUT:[a-zA-Z0-9_]+]] = s2s.embedding %[[INDICES]], %[[WEIGHT]] :
// CHECK-SAME:        (tensor<7x3xi32>, tensor<20x8xf32>) -> tensor<7x3x8xf32>{{$}}
// CHECK:         return %[[OUTPUT]] :
func.func @embedding_i32_2d(%indices: tensor<7x3xi32>, %weight: tensor<20x8xf32>)
    -> tensor<7x3x8xf32> {
  %output = s2s.embedding %indices, %weight
      : (tensor<7x3xi32>, tensor<20x8xf32>) -> tensor<7x3x8xf32>
  return %output : tensor<7x3x8xf32>
}

// CHECK-LABEL: func.func @embedding_i64_2d_dynamic(
// CHECK-SAME:      %[[INDICES:[a-zA-Z0-9_]+]]: tensor<?x3xi64>,
// CHECK-SAME:      %[[WEIGHT:[a-zA-Z0-9_]+]]: tensor<20x8xf16>)
// CHECK:         %[[OUTPUT:[a-zA-Z0-9_]+]] = s2s.embedding %[[INDICES]], %[[WEIGHT]] :
// CHECK-SAME:        (tensor<?x3xi64>, tensor<20x8xf16>) -> tensor<?x3x8xf16>{{$}}
// CHECK:         return %[[OUTPUT]] :
func.func @embedding_i64_2d_dynamic(%indices: tensor<?x3xi64>,
    %weight: tensor<20x8xf16>) -> tensor<?x3x8xf16> {
  %output = s2s.embedding %indices, %weight
      : (tensor<?x3xi64>, tensor<20x8xf16>) -> tensor<?x3x8xf16>
  return %output : tensor<?x3x8xf16>
}

//===----------------------------------------------------------------------===//
// s2s.argmax
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @argmax_positive_dim(
// CHECK-SAME:      %[[INPUT:[a-zA-Z0-9_]+]]: tensor<3x15xf32>)
// CHECK:         %[[OUTPUT:[a-zA-Z0-9_]+]] = s2s.argmax %[[INPUT]] dim(1) :
// CHECK-SAME:        (tensor<3x15xf32>) -> tensor<3xi64>{{$}}
// CHECK:         return %[[OUTPUT]] :
func.func @argmax_positive_dim(%input: tensor<3x15xf32>) -> tensor<3xi64> {
  %output = s2s.argmax %input dim(1) : (tensor<3x15xf32>) -> tensor<3xi64>
  return %output : tensor<3xi64>
}

// CHECK-LABEL: func.func @argmax_negative_dim(
// CHECK-SAME:      %[[INPUT:[a-zA-Z0-9_]+]]: tensor<2x3x15xf32>)
// CHECK:         %[[OUTPUT:[a-zA-Z0-9_]+]] = s2s.argmax %[[INPUT]] dim(-1) :
// CHECK-SAME:        (tensor<2x3x15xf32>) -> tensor<2x3xi64>{{$}}
// CHECK:         return %[[OUTPUT]] :
func.func @argmax_negative_dim(%input: tensor<2x3x15xf32>) -> tensor<2x3xi64> {
  %output = s2s.argmax %input dim(-1) : (tensor<2x3x15xf32>) -> tensor<2x3xi64>
  return %output : tensor<2x3xi64>
}

// CHECK-LABEL: func.func @argmax_keepdim(
// CHECK-SAME:      %[[INPUT:[a-zA-Z0-9_]+]]: tensor<2x3x15xf32>)
// CHECK:         %[[OUTPUT:[a-zA-Z0-9_]+]] = s2s.argmax %[[INPUT]] dim(1) keepdim :
// CHECK-SAME:        (tensor<2x3x15xf32>) -> tensor<2x1x15xi64>{{$}}
// CHECK:         return %[[OUTPUT]] :
func.func @argmax_keepdim(%input: tensor<2x3x15xf32>) -> tensor<2x1x15xi64> {
  %output = s2s.argmax %input dim(1) keepdim : (tensor<2x3x15xf32>)
      -> tensor<2x1x15xi64>
  return %output : tensor<2x1x15xi64>
}

// CHECK-LABEL: func.func @argmax_negative_dim_keepdim(
// CHECK-SAME:      %[[INPUT:[a-zA-Z0-9_]+]]: tensor<2x3x15xf32>)
// CHECK:         %[[OUTPUT:[a-zA-Z0-9_]+]] = s2s.argmax %[[INPUT]] dim(-3) keepdim :
// CHECK-SAME:        (tensor<2x3x15xf32>) -> tensor<1x3x15xi64>{{$}}
// CHECK:         return %[[OUTPUT]] :
func.func @argmax_negative_dim_keepdim(%input: tensor<2x3x15xf32>)
    -> tensor<1x3x15xi64> {
  %output = s2s.argmax %input dim(-3) keepdim : (tensor<2x3x15xf32>)
      -> tensor<1x3x15xi64>
  return %output : tensor<1x3x15xi64>
}

// CHECK-LABEL: func.func @argmax_rank1_dynamic(
// CHECK-SAME:      %[[INPUT:[a-zA-Z0-9_]+]]: tensor<?xf32>)
// CHECK:         %[[OUTPUT:[a-zA-Z0-9_]+]] = s2s.argmax %[[INPUT]] dim(0) :
// CHECK-SAME:        (tensor<?xf32>) -> tensor<i64>{{$}}
// CHECK:         return %[[OUTPUT]] :
func.func @argmax_rank1_dynamic(%input: tensor<?xf32>) -> tensor<i64> {
  %output = s2s.argmax %input dim(0) : (tensor<?xf32>) -> tensor<i64>
  return %output : tensor<i64>
}

//===----------------------------------------------------------------------===//
// s2s.log_softmax, s2s.top_k, s2s.index_select
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @log_softmax(
// CHECK-SAME:      %[[INPUT:[a-zA-Z0-9_]+]]: tensor<8x15xf32>)
// CHECK:         %[[OUTPUT:[a-zA-Z0-9_]+]] = s2s.log_softmax %[[INPUT]] dim(-1) :
// CHECK-SAME:        (tensor<8x15xf32>) -> tensor<8x15xf32>{{$}}
// CHECK:         return %[[OUTPUT]] :
func.func @log_softmax(%input: tensor<8x15xf32>) -> tensor<8x15xf32> {
  %output = s2s.log_softmax %input dim(-1)
      : (tensor<8x15xf32>) -> tensor<8x15xf32>
  return %output : tensor<8x15xf32>
}

// CHECK-LABEL: func.func @log_softmax_dynamic(
// CHECK:         s2s.log_softmax %{{.*}} dim(0) : (tensor<?x?xf64>) -> tensor<?x?xf64>{{$}}
func.func @log_softmax_dynamic(%input: tensor<?x?xf64>) -> tensor<?x?xf64> {
  %output = s2s.log_softmax %input dim(0)
      : (tensor<?x?xf64>) -> tensor<?x?xf64>
  return %output : tensor<?x?xf64>
}

// CHECK-LABEL: func.func @top_k(
// CHECK-SAME:      %[[INPUT:[a-zA-Z0-9_]+]]: tensor<2x60xf32>)
// CHECK:         %[[VALUES:[a-zA-Z0-9_]+]], %[[INDICES:[a-zA-Z0-9_]+]] = s2s.top_k %[[INPUT]] k(4) dim(1) :
// CHECK-SAME:        (tensor<2x60xf32>) -> (tensor<2x4xf32>, tensor<2x4xi64>){{$}}
// CHECK:         return %[[VALUES]], %[[INDICES]] :
func.func @top_k(%input: tensor<2x60xf32>)
    -> (tensor<2x4xf32>, tensor<2x4xi64>) {
  %values, %indices = s2s.top_k %input k(4) dim(1)
      : (tensor<2x60xf32>) -> (tensor<2x4xf32>, tensor<2x4xi64>)
  return %values, %indices : tensor<2x4xf32>, tensor<2x4xi64>
}

// A dynamic batch; the dimension of the top k is static. k = 0 is valid.
// CHECK-LABEL: func.func @top_k_dynamic_batch(
// CHECK:         s2s.top_k %{{.*}} k(0) dim(-1) :
// CHECK-SAME:        (tensor<?x60xf32>) -> (tensor<?x0xf32>, tensor<?x0xi64>){{$}}
func.func @top_k_dynamic_batch(%input: tensor<?x60xf32>)
    -> (tensor<?x0xf32>, tensor<?x0xi64>) {
  %values, %indices = s2s.top_k %input k(0) dim(-1)
      : (tensor<?x60xf32>) -> (tensor<?x0xf32>, tensor<?x0xi64>)
  return %values, %indices : tensor<?x0xf32>, tensor<?x0xi64>
}

// CHECK-LABEL: func.func @index_select(
// CHECK-SAME:      %[[INPUT:[a-zA-Z0-9_]+]]: tensor<8x128xf32>,
// CHECK-SAME:      %[[INDICES:[a-zA-Z0-9_]+]]: tensor<8xi64>)
// CHECK:         %[[OUTPUT:[a-zA-Z0-9_]+]] = s2s.index_select %[[INPUT]], %[[INDICES]] dim(0) :
// CHECK-SAME:        (tensor<8x128xf32>, tensor<8xi64>) -> tensor<8x128xf32>{{$}}
// CHECK:         return %[[OUTPUT]] :
func.func @index_select(%input: tensor<8x128xf32>, %indices: tensor<8xi64>)
    -> tensor<8x128xf32> {
  %output = s2s.index_select %input, %indices dim(0)
      : (tensor<8x128xf32>, tensor<8xi64>) -> tensor<8x128xf32>
  return %output : tensor<8x128xf32>
}

// Integer and boolean inputs (token histories, finished flags), i32 indices,
// a negative dim, dynamic sizes.
// CHECK-LABEL: func.func @index_select_variants(
// CHECK:         s2s.index_select %{{.*}}, %{{.*}} dim(-1) :
// CHECK-SAME:        (tensor<4x?xi64>, tensor<?xi32>) -> tensor<4x?xi64>{{$}}
// CHECK:         s2s.index_select %{{.*}}, %{{.*}} dim(0) :
// CHECK-SAME:        (tensor<?xi1>, tensor<?xi32>) -> tensor<?xi1>{{$}}
func.func @index_select_variants(%tokens: tensor<4x?xi64>,
                                 %flags: tensor<?xi1>,
                                 %indices: tensor<?xi32>)
    -> (tensor<4x?xi64>, tensor<?xi1>) {
  %t = s2s.index_select %tokens, %indices dim(-1)
      : (tensor<4x?xi64>, tensor<?xi32>) -> tensor<4x?xi64>
  %f = s2s.index_select %flags, %indices dim(0)
      : (tensor<?xi1>, tensor<?xi32>) -> tensor<?xi1>
  return %t, %f : tensor<4x?xi64>, tensor<?xi1>
}

//===----------------------------------------------------------------------===//
// s2s.cached_multi_head_attention
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @cached_mha(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<1x1x512xf32>, %[[KC:[a-zA-Z0-9_]+]]: tensor<1x8x512x64xf32>, %[[VC:[a-zA-Z0-9_]+]]: tensor<1x8x512x64xf32>, %[[POS:[a-zA-Z0-9_]+]]: index
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]], %[[K:[a-zA-Z0-9_]+]], %[[V:[a-zA-Z0-9_]+]] = s2s.cached_multi_head_attention %[[X]] cache(%[[KC]], %[[VC]]) at(%[[POS]]) in_proj_weight(%{{.+}}) in_proj_bias(%{{.+}}) out_proj_weight(%{{.+}}) out_proj_bias(%{{.+}}) num_heads(8) batch_first :
// CHECK-SAME:        (tensor<1x1x512xf32>, tensor<1x8x512x64xf32>, tensor<1x8x512x64xf32>, index, tensor<1536x512xf32>, tensor<1536xf32>, tensor<512x512xf32>, tensor<512xf32>) -> (tensor<1x1x512xf32>, tensor<1x8x512x64xf32>, tensor<1x8x512x64xf32>){{$}}
// CHECK:         return %[[OUT]], %[[K]], %[[V]] :
func.func @cached_mha(%x: tensor<1x1x512xf32>, %k_cache: tensor<1x8x512x64xf32>,
    %v_cache: tensor<1x8x512x64xf32>, %pos: index, %w_in: tensor<1536x512xf32>,
    %b_in: tensor<1536xf32>, %w_out: tensor<512x512xf32>, %b_out: tensor<512xf32>)
    -> (tensor<1x1x512xf32>, tensor<1x8x512x64xf32>, tensor<1x8x512x64xf32>) {
  %out, %k, %v = s2s.cached_multi_head_attention %x cache(%k_cache, %v_cache)
      at(%pos) in_proj_weight(%w_in) in_proj_bias(%b_in)
      out_proj_weight(%w_out) out_proj_bias(%b_out) num_heads(8) batch_first
      : (tensor<1x1x512xf32>, tensor<1x8x512x64xf32>, tensor<1x8x512x64xf32>,
         index, tensor<1536x512xf32>, tensor<1536xf32>, tensor<512x512xf32>,
         tensor<512xf32>)
      -> (tensor<1x1x512xf32>, tensor<1x8x512x64xf32>, tensor<1x8x512x64xf32>)
  return %out, %k, %v
      : tensor<1x1x512xf32>, tensor<1x8x512x64xf32>, tensor<1x8x512x64xf32>
}

// Time-major, separate weights, masks over the capacity, causal, dynamic
// batch and step length.
// CHECK-LABEL: func.func @cached_mha_time_major(
// CHECK:         s2s.cached_multi_head_attention %{{.+}} cache(%{{.+}}, %{{.+}}) at(%{{.+}}) q_proj_weight(%{{.+}}) k_proj_weight(%{{.+}}) v_proj_weight(%{{.+}}) out_proj_weight(%{{.+}}) key_padding_mask(%{{.+}}) attn_mask(%{{.+}}) num_heads(2) causal :
// CHECK-SAME:        (tensor<?x?x8xf32>, tensor<?x2x16x4xf32>, tensor<?x2x16x4xf32>, index, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<?x16xi1>, tensor<?x16xf32>) -> (tensor<?x?x8xf32>, tensor<?x2x16x4xf32>, tensor<?x2x16x4xf32>){{$}}
func.func @cached_mha_time_major(%x: tensor<?x?x8xf32>,
    %k_cache: tensor<?x2x16x4xf32>, %v_cache: tensor<?x2x16x4xf32>,
    %pos: index, %wq: tensor<8x8xf32>, %wk: tensor<8x8xf32>,
    %wv: tensor<8x8xf32>, %w_out: tensor<8x8xf32>, %kpm: tensor<?x16xi1>,
    %am: tensor<?x16xf32>) -> tensor<?x?x8xf32> {
  %out, %k, %v = s2s.cached_multi_head_attention %x cache(%k_cache, %v_cache)
      at(%pos) q_proj_weight(%wq) k_proj_weight(%wk) v_proj_weight(%wv)
      out_proj_weight(%w_out) key_padding_mask(%kpm) attn_mask(%am)
      num_heads(2) causal
      : (tensor<?x?x8xf32>, tensor<?x2x16x4xf32>, tensor<?x2x16x4xf32>,
         index, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>,
         tensor<8x8xf32>, tensor<?x16xi1>, tensor<?x16xf32>)
      -> (tensor<?x?x8xf32>, tensor<?x2x16x4xf32>, tensor<?x2x16x4xf32>)
  return %out : tensor<?x?x8xf32>
}

//===----------------------------------------------------------------------===//
// s2s.kv_cache_append
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @kv_cache_append(
// CHECK-SAME:      %[[NEW:[a-zA-Z0-9_]+]]: tensor<1x8x1x64xf32>, %[[CACHE:[a-zA-Z0-9_]+]]: tensor<1x8x512x64xf32>, %[[POS:[a-zA-Z0-9_]+]]: index)
// CHECK:         %[[OUT:[a-zA-Z0-9_]+]], %[[VALID:[a-zA-Z0-9_]+]] = s2s.kv_cache_append %[[NEW]] into %[[CACHE]] at(%[[POS]]) dim(2) :
// CHECK-SAME:        (tensor<1x8x1x64xf32>, tensor<1x8x512x64xf32>, index) -> (tensor<1x8x512x64xf32>, tensor<1x8x?x64xf32>){{$}}
// CHECK:         return %[[OUT]], %[[VALID]] :
func.func @kv_cache_append(%new: tensor<1x8x1x64xf32>,
                           %cache: tensor<1x8x512x64xf32>, %pos: index)
    -> (tensor<1x8x512x64xf32>, tensor<1x8x?x64xf32>) {
  %out, %valid = s2s.kv_cache_append %new into %cache at(%pos) dim(2)
      : (tensor<1x8x1x64xf32>, tensor<1x8x512x64xf32>, index)
      -> (tensor<1x8x512x64xf32>, tensor<1x8x?x64xf32>)
  return %out, %valid : tensor<1x8x512x64xf32>, tensor<1x8x?x64xf32>
}

// A [B, T, H, D] cache (dim 1, written -3), a dynamic batch, a prompt of
// several positions.
// CHECK-LABEL: func.func @kv_cache_append_prompt(
// CHECK:         s2s.kv_cache_append %{{.*}} into %{{.*}} at(%{{.*}}) dim(-3) :
// CHECK-SAME:        (tensor<?x7x4x16xf32>, tensor<?x64x4x16xf32>, index) -> (tensor<?x64x4x16xf32>, tensor<?x?x4x16xf32>){{$}}
func.func @kv_cache_append_prompt(%new: tensor<?x7x4x16xf32>,
                                  %cache: tensor<?x64x4x16xf32>, %pos: index)
    -> (tensor<?x64x4x16xf32>, tensor<?x?x4x16xf32>) {
  %out, %valid = s2s.kv_cache_append %new into %cache at(%pos) dim(-3)
      : (tensor<?x7x4x16xf32>, tensor<?x64x4x16xf32>, index)
      -> (tensor<?x64x4x16xf32>, tensor<?x?x4x16xf32>)
  return %out, %valid : tensor<?x64x4x16xf32>, tensor<?x?x4x16xf32>
}

// RUN: s2s-opt %s --s2s-hoist-rnn-input -split-input-file | FileCheck %s
// RUN: s2s-opt %s --s2s-hoist-rnn-input="min-steps=10" -split-input-file | FileCheck %s --check-prefix=MIN10

/// An LSTM with every optional operand: w_ih [D, 4*H, I] and b_ih [D, 4*H]
/// are viewed as [4*H, I] and [4*H] for one s2s.linear over all steps; b_hh,
/// h0, c0 and seq_lens go to the recurrence unchanged, and its three results
/// replace those of the layer.
// CHECK-LABEL: func.func @lstm_forward_biases_states_seq_lens(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<6x2x8xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x64x8xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x64x16xf32>,
// CHECK-SAME:      %[[B_IH:[a-zA-Z0-9_]+]]: tensor<1x64xf32>,
// CHECK-SAME:      %[[B_HH:[a-zA-Z0-9_]+]]: tensor<1x64xf32>,
// CHECK-SAME:      %[[H0:[a-zA-Z0-9_]+]]: tensor<1x2x16xf32>,
// CHECK-SAME:      %[[C0:[a-zA-Z0-9_]+]]: tensor<1x2x16xf32>,
// CHECK-SAME:      %[[SEQ_LENS:[a-zA-Z0-9_]+]]: tensor<2xi64>)
// CHECK-DAG:     %[[W:[a-zA-Z0-9_]+]] = tensor.collapse_shape %[[W_IH]] {{\[}}[0, 1], [2]] : tensor<1x64x8xf32> into tensor<64x8xf32>
// CHECK-DAG:     %[[B:[a-zA-Z0-9_]+]] = tensor.collapse_shape %[[B_IH]] {{\[}}[0, 1]] : tensor<1x64xf32> into tensor<64xf32>
// CHECK:         %[[X_GATES:[a-zA-Z0-9_]+]] = s2s.linear %[[X]], %[[W]], %[[B]] : (tensor<6x2x8xf32>, tensor<64x8xf32>, tensor<64xf32>) -> tensor<6x2x64xf32>
// CHECK-NEXT:    %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]], %[[C_N:[a-zA-Z0-9_]+]] = s2s.recurrence lstm %[[X_GATES]], %[[W_HH]] b_hh(%[[B_HH]]) h0(%[[H0]]) c0(%[[C0]]) seq_lens(%[[SEQ_LENS]]) hidden_size(16) :
// CHECK-SAME:        -> (tensor<6x2x16xf32>, tensor<1x2x16xf32>, tensor<1x2x16xf32>){{$}}
// CHECK-NOT:     s2s.lstm
// CHECK:         return %[[Y]], %[[H_N]], %[[C_N]] :
func.func @lstm_forward_biases_states_seq_lens(%x: tensor<6x2x8xf32>,
    %w_ih: tensor<1x64x8xf32>, %w_hh: tensor<1x64x16xf32>,
    %b_ih: tensor<1x64xf32>, %b_hh: tensor<1x64xf32>, %h0: tensor<1x2x16xf32>,
    %c0: tensor<1x2x16xf32>, %seq_lens: tensor<2xi64>)
    -> (tensor<6x2x16xf32>, tensor<1x2x16xf32>, tensor<1x2x16xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      c0(%c0) seq_lens(%seq_lens) hidden_size(16)
      : (tensor<6x2x8xf32>, tensor<1x64x8xf32>, tensor<1x64x16xf32>,
          tensor<1x64xf32>, tensor<1x64xf32>, tensor<1x2x16xf32>,
          tensor<1x2x16xf32>, tensor<2xi64>)
      -> (tensor<6x2x16xf32>, tensor<1x2x16xf32>, tensor<1x2x16xf32>)
  return %y, %h_n, %c_n : tensor<6x2x16xf32>, tensor<1x2x16xf32>,
      tensor<1x2x16xf32>
}

// -----

/// A bidirectional GRU: the two directions' input weights [2, 3*H, I] become
/// one [6*H, I] matrix, so both directions' input gates come out of one GEMM,
/// side by side in x_gates [T, B, 2*3*H]. linear_before_reset(false) and h0
/// are carried over.
// CHECK-LABEL: func.func @gru_bidirectional_linear_before_reset_false(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<2x18x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<2x18x6xf32>,
// CHECK-SAME:      %[[B_IH:[a-zA-Z0-9_]+]]: tensor<2x18xf32>,
// CHECK-SAME:      %[[B_HH:[a-zA-Z0-9_]+]]: tensor<2x18xf32>,
// CHECK-SAME:      %[[H0:[a-zA-Z0-9_]+]]: tensor<2x3x6xf32>)
// CHECK-DAG:     %[[W:[a-zA-Z0-9_]+]] = tensor.collapse_shape %[[W_IH]] {{\[}}[0, 1], [2]] : tensor<2x18x4xf32> into tensor<36x4xf32>
// CHECK-DAG:     %[[B:[a-zA-Z0-9_]+]] = tensor.collapse_shape %[[B_IH]] {{\[}}[0, 1]] : tensor<2x18xf32> into tensor<36xf32>
// CHECK:         %[[X_GATES:[a-zA-Z0-9_]+]] = s2s.linear %[[X]], %[[W]], %[[B]] : (tensor<5x3x4xf32>, tensor<36x4xf32>, tensor<36xf32>) -> tensor<5x3x36xf32>
// CHECK-NEXT:    %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.recurrence gru %[[X_GATES]], %[[W_HH]] b_hh(%[[B_HH]]) h0(%[[H0]]) hidden_size(6) direction bidirectional linear_before_reset(false) :
// CHECK-SAME:        -> (tensor<5x3x12xf32>, tensor<2x3x6xf32>){{$}}
// CHECK-NOT:     s2s.gru
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @gru_bidirectional_linear_before_reset_false(%x: tensor<5x3x4xf32>,
    %w_ih: tensor<2x18x4xf32>, %w_hh: tensor<2x18x6xf32>,
    %b_ih: tensor<2x18xf32>, %b_hh: tensor<2x18xf32>, %h0: tensor<2x3x6xf32>)
    -> (tensor<5x3x12xf32>, tensor<2x3x6xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh) h0(%h0)
      hidden_size(6) direction bidirectional linear_before_reset(false)
      : (tensor<5x3x4xf32>, tensor<2x18x4xf32>, tensor<2x18x6xf32>,
          tensor<2x18xf32>, tensor<2x18xf32>, tensor<2x3x6xf32>)
      -> (tensor<5x3x12xf32>, tensor<2x3x6xf32>)
  return %y, %h_n : tensor<5x3x12xf32>, tensor<2x3x6xf32>
}

// -----

/// Without biases there is no b_ih to collapse: the s2s.linear has no bias
/// and the recurrence no b_hh. With batch_first, the s2s.linear maps
/// x [B, T, I] to x_gates [B, T, H], which the recurrence reads batch-first;
/// the activation goes with it.
// CHECK-LABEL: func.func @rnn_relu_batch_first_no_biases(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<3x5x4xf32>,
// CHECK-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x6x4xf32>,
// CHECK-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x6x6xf32>)
// CHECK:         %[[W:[a-zA-Z0-9_]+]] = tensor.collapse_shape %[[W_IH]] {{\[}}[0, 1], [2]] : tensor<1x6x4xf32> into tensor<6x4xf32>
// CHECK-NOT:     tensor.collapse_shape
// CHECK:         %[[X_GATES:[a-zA-Z0-9_]+]] = s2s.linear %[[X]], %[[W]] : (tensor<3x5x4xf32>, tensor<6x4xf32>) -> tensor<3x5x6xf32>
// CHECK-NEXT:    %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.recurrence rnn %[[X_GATES]], %[[W_HH]] hidden_size(6) batch_first activation relu :
// CHECK-SAME:        -> (tensor<3x5x6xf32>, tensor<1x3x6xf32>){{$}}
// CHECK-NOT:     s2s.rnn
// CHECK:         return %[[Y]], %[[H_N]] :
func.func @rnn_relu_batch_first_no_biases(%x: tensor<3x5x4xf32>,
    %w_ih: tensor<1x6x4xf32>, %w_hh: tensor<1x6x6xf32>)
    -> (tensor<3x5x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh hidden_size(6) activation relu
      batch_first
      : (tensor<3x5x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<3x5x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<3x5x6xf32>, tensor<1x3x6xf32>
}

// -----

/// In a stack of two layers, the second layer's input projection reads the
/// first recurrence's y, and its final state replaces the layer's h_n.
// CHECK-LABEL: func.func @stacked_layers(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<5x3x4xf32>,
// CHECK:         %[[Y0:[a-zA-Z0-9_]+]], %{{[a-zA-Z0-9_]+}} = s2s.recurrence rnn
// CHECK:         %[[X_GATES1:[a-zA-Z0-9_]+]] = s2s.linear %[[Y0]], %{{[a-zA-Z0-9_]+}} : (tensor<5x3x6xf32>, tensor<6x6xf32>) -> tensor<5x3x6xf32>
// CHECK-NEXT:    %[[Y1:[a-zA-Z0-9_]+]], %[[H_N1:[a-zA-Z0-9_]+]] = s2s.recurrence rnn %[[X_GATES1]],
// CHECK:         return %[[Y1]], %[[H_N1]] :
func.func @stacked_layers(%x: tensor<5x3x4xf32>, %w_ih0: tensor<1x6x4xf32>,
    %w_hh0: tensor<1x6x6xf32>, %w_ih1: tensor<1x6x6xf32>,
    %w_hh1: tensor<1x6x6xf32>) -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>) {
  %y0, %h_n0 = s2s.rnn %x, %w_ih0, %w_hh0 hidden_size(6)
      : (tensor<5x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  %y1, %h_n1 = s2s.rnn %y0, %w_ih1, %w_hh1 hidden_size(6)
      : (tensor<5x3x6xf32>, tensor<1x6x6xf32>, tensor<1x6x6xf32>)
      -> (tensor<5x3x6xf32>, tensor<1x3x6xf32>)
  return %y1, %h_n1 : tensor<5x3x6xf32>, tensor<1x3x6xf32>
}

// -----

/// With min-steps=10, a layer over 6 time steps is left alone; by default
/// (min-steps=2) it is hoisted.
// CHECK-LABEL: func.func @negative_fewer_steps_than_min_steps(
// CHECK:         s2s.recurrence gru
// MIN10-LABEL: func.func @negative_fewer_steps_than_min_steps(
// MIN10-NOT:     tensor.collapse_shape
// MIN10-NOT:     s2s.linear
// MIN10:         %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.gru
// MIN10-NOT:     s2s.recurrence
// MIN10:         return %[[Y]], %[[H_N]] :
func.func @negative_fewer_steps_than_min_steps(%x: tensor<6x3x4xf32>,
    %w_ih: tensor<1x18x4xf32>, %w_hh: tensor<1x18x6xf32>)
    -> (tensor<6x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<6x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>)
      -> (tensor<6x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<6x3x6xf32>, tensor<1x3x6xf32>
}

// -----

/// A layer over 12 >= 10 time steps is hoisted with min-steps=10.
// CHECK-LABEL: func.func @min_steps_reached(
// CHECK:         s2s.recurrence gru
// MIN10-LABEL: func.func @min_steps_reached(
// MIN10-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<12x3x4xf32>,
// MIN10-SAME:      %[[W_IH:[a-zA-Z0-9_]+]]: tensor<1x18x4xf32>,
// MIN10-SAME:      %[[W_HH:[a-zA-Z0-9_]+]]: tensor<1x18x6xf32>)
// MIN10:         %[[W:[a-zA-Z0-9_]+]] = tensor.collapse_shape %[[W_IH]] {{\[}}[0, 1], [2]] : tensor<1x18x4xf32> into tensor<18x4xf32>
// MIN10:         %[[X_GATES:[a-zA-Z0-9_]+]] = s2s.linear %[[X]], %[[W]] : (tensor<12x3x4xf32>, tensor<18x4xf32>) -> tensor<12x3x18xf32>
// MIN10-NEXT:    %[[Y:[a-zA-Z0-9_]+]], %[[H_N:[a-zA-Z0-9_]+]] = s2s.recurrence gru %[[X_GATES]], %[[W_HH]] hidden_size(6) :
// MIN10-NOT:     s2s.gru
// MIN10:         return %[[Y]], %[[H_N]] :
func.func @min_steps_reached(%x: tensor<12x3x4xf32>, %w_ih: tensor<1x18x4xf32>,
    %w_hh: tensor<1x18x6xf32>) -> (tensor<12x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.gru %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<12x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>)
      -> (tensor<12x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<12x3x6xf32>, tensor<1x3x6xf32>
}

// -----

/// With batch_first the steps are dimension 1 of x: 6 steps of a batch of
/// 12 stay below min-steps=10.
// CHECK-LABEL: func.func @negative_batch_first_steps_below_min_steps(
// CHECK:         s2s.recurrence lstm
// MIN10-LABEL: func.func @negative_batch_first_steps_below_min_steps(
// MIN10-NOT:     s2s.linear
// MIN10:         s2s.lstm
// MIN10-NOT:     s2s.recurrence
func.func @negative_batch_first_steps_below_min_steps(%x: tensor<12x6x4xf32>,
    %w_ih: tensor<1x24x4xf32>, %w_hh: tensor<1x24x6xf32>)
    -> (tensor<12x6x6xf32>, tensor<1x12x6xf32>, tensor<1x12x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh hidden_size(6) batch_first
      : (tensor<12x6x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>)
      -> (tensor<12x6x6xf32>, tensor<1x12x6xf32>, tensor<1x12x6xf32>)
  return %y, %h_n, %c_n : tensor<12x6x6xf32>, tensor<1x12x6xf32>,
      tensor<1x12x6xf32>
}

// -----

/// An unknown number of steps may be large: the layer is hoisted whatever
/// min-steps is.
// CHECK-LABEL: func.func @dynamic_steps(
// CHECK:         s2s.linear {{.+}} -> tensor<?x?x6xf32>
// CHECK-NEXT:    s2s.recurrence rnn
// MIN10-LABEL: func.func @dynamic_steps(
// MIN10:         s2s.linear {{.+}} -> tensor<?x?x6xf32>
// MIN10-NEXT:    s2s.recurrence rnn
func.func @dynamic_steps(%x: tensor<?x?x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>) -> (tensor<?x?x6xf32>, tensor<1x?x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<?x?x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<?x?x6xf32>, tensor<1x?x6xf32>)
  return %y, %h_n : tensor<?x?x6xf32>, tensor<1x?x6xf32>
}

// -----

/// One time step has nothing to batch: below the default min-steps=2.
// CHECK-LABEL: func.func @negative_single_step(
// CHECK-NOT:     s2s.linear
// CHECK:         s2s.rnn
// CHECK-NOT:     s2s.recurrence
// MIN10-LABEL: func.func @negative_single_step(
// MIN10-NOT:     s2s.linear
// MIN10:         s2s.rnn
// MIN10-NOT:     s2s.recurrence
func.func @negative_single_step(%x: tensor<1x3x4xf32>, %w_ih: tensor<1x6x4xf32>,
    %w_hh: tensor<1x6x6xf32>) -> (tensor<1x3x6xf32>, tensor<1x3x6xf32>) {
  %y, %h_n = s2s.rnn %x, %w_ih, %w_hh hidden_size(6)
      : (tensor<1x3x4xf32>, tensor<1x6x4xf32>, tensor<1x6x6xf32>)
      -> (tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %h_n : tensor<1x3x6xf32>, tensor<1x3x6xf32>
}

// -----

/// A cell op is one step written by hand: never touched.
// CHECK-LABEL: func.func @negative_lstm_cell(
// CHECK-NOT:     s2s.linear
// CHECK:         s2s.lstm_cell
// CHECK-NOT:     s2s.recurrence
// MIN10-LABEL: func.func @negative_lstm_cell(
// MIN10-NOT:     s2s.linear
// MIN10:         s2s.lstm_cell
// MIN10-NOT:     s2s.recurrence
func.func @negative_lstm_cell(%x: tensor<3x5xf32>, %h: tensor<3x7xf32>,
    %c: tensor<3x7xf32>, %w_ih: tensor<28x5xf32>, %w_hh: tensor<28x7xf32>)
    -> (tensor<3x7xf32>, tensor<3x7xf32>) {
  %h_next, %c_next = s2s.lstm_cell %x, %h, %c, %w_ih, %w_hh
      : (tensor<3x5xf32>, tensor<3x7xf32>, tensor<3x7xf32>, tensor<28x5xf32>,
          tensor<28x7xf32>)
      -> (tensor<3x7xf32>, tensor<3x7xf32>)
  return %h_next, %c_next : tensor<3x7xf32>, tensor<3x7xf32>
}

// -----

/// s2s.recurrence carries neither ONNX's peepholes nor its clip: such layers
/// keep their in-loop input projection.
// CHECK-LABEL: func.func @negative_lstm_peepholes_clip(
// CHECK-NOT:     s2s.linear
// CHECK:         s2s.lstm {{.*}} peepholes(
// CHECK:         s2s.gru {{.*}} clip(
// CHECK-NOT:     s2s.recurrence
// MIN10-LABEL: func.func @negative_lstm_peepholes_clip(
func.func @negative_lstm_peepholes_clip(%x: tensor<12x3x4xf32>,
    %w_ih: tensor<1x24x4xf32>, %w_hh: tensor<1x24x6xf32>,
    %p: tensor<1x18xf32>, %gw_ih: tensor<1x18x4xf32>,
    %gw_hh: tensor<1x18x6xf32>)
    -> (tensor<12x3x6xf32>, tensor<12x3x6xf32>) {
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh peepholes(%p) hidden_size(6)
      : (tensor<12x3x4xf32>, tensor<1x24x4xf32>, tensor<1x24x6xf32>,
         tensor<1x18xf32>)
      -> (tensor<12x3x6xf32>, tensor<1x3x6xf32>, tensor<1x3x6xf32>)
  %gy, %gh_n = s2s.gru %x, %gw_ih, %gw_hh hidden_size(6) clip(3.0)
      : (tensor<12x3x4xf32>, tensor<1x18x4xf32>, tensor<1x18x6xf32>)
      -> (tensor<12x3x6xf32>, tensor<1x3x6xf32>)
  return %y, %gy : tensor<12x3x6xf32>, tensor<12x3x6xf32>
}

// RUN: not s2s-opt %s 2>&1 | FileCheck %s

// A verifier error in a small model reports the file, line and column of the
// offending op, names the operand, the symbolic rule, the expected and the
// actual shape, and echoes the source line with a caret under the op.

// A greedy step of an LSTM language model: embed, encode, project, pick.
// The recurrent weight w_hh of the LSTM (H = 16) has one column too many.
func.func @lstm_language_model(%tokens: tensor<6x2xi64>,
                               %embedding: tensor<100x8xf32>,
                               %w_ih: tensor<1x64x8xf32>,
                               %w_hh: tensor<1x64x17xf32>,
                               %b_ih: tensor<1x64xf32>,
                               %b_hh: tensor<1x64xf32>,
                               %w_out: tensor<100x16xf32>,
                               %b_out: tensor<100xf32>) -> tensor<6x2xi64> {
  %x = s2s.embedding %tokens, %embedding
      : (tensor<6x2xi64>, tensor<100x8xf32>) -> tensor<6x2x8xf32>
  // CHECK: {{.*}}diagnostics.mlir:[[@LINE+5]]:20: error: 's2s.lstm' op operand 'w_hh' must have shape [D, 4*H, H] = [1, 64, 16], but has [1, 64, 17] (D = 1, H = 16, I = 8, B = 2)
  // CHECK-NEXT: {{^}}  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh){{$}}
  // CHECK-NEXT: {{^}}                   ^{{$}}
  // CHECK-NEXT: diagnostics.mlir:[[@LINE+2]]:20: note: see current operation: %{{.*}} = "s2s.lstm"
  // CHECK-NOT: error:
  %y, %h_n, %c_n = s2s.lstm %x, %w_ih, %w_hh b_ih(%b_ih) b_hh(%b_hh)
      hidden_size(16)
      : (tensor<6x2x8xf32>, tensor<1x64x8xf32>, tensor<1x64x17xf32>,
         tensor<1x64xf32>, tensor<1x64xf32>)
      -> (tensor<6x2x16xf32>, tensor<1x2x16xf32>, tensor<1x2x16xf32>)
  %logits = s2s.linear %y, %w_out, %b_out
      : (tensor<6x2x16xf32>, tensor<100x16xf32>, tensor<100xf32>)
      -> tensor<6x2x100xf32>
  %next = s2s.argmax %logits dim(-1)
      : (tensor<6x2x100xf32>) -> tensor<6x2xi64>
  return %next : tensor<6x2xi64>
}

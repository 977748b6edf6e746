// RUN: s2s-opt %s --s2s-to-linalg-pipeline=bf16-weights=true | FileCheck %s
// RUN: s2s-opt %s --s2s-to-linalg-pipeline | FileCheck %s --check-prefix=F32

// bf16-weights through the lowering: the linear layer's weights (an
// argument) become bf16, rounded once at the start of the function; the
// attention's contractions read two activations and stay f32, although its
// keys and values are constants here (bound at compile time); no mark is
// left behind. Without the option nothing is bf16 and no mark is made.

// CHECK-LABEL: func.func @main
// CHECK-SAME: %[[W:[^:]*]]: tensor<8x8xf32>
// CHECK: linalg.generic {{.*}} ins(%[[W]] : tensor<8x8xf32>) outs(%{{.*}} : tensor<8x8xbf16>)
// CHECK: arith.truncf
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %{{.*}} : tensor<4x8xf32>, tensor<8x8xbf16>)
// CHECK: arith.extf %{{.*}} : bf16 to f32
// CHECK: linalg.yield %{{.*}} : f32
// CHECK-NOT: bf16
// CHECK-NOT: s2s.weight_input
// CHECK-NOT: s2s.no_weights
// CHECK: return

// F32-LABEL: func.func @main
// F32-NOT: bf16
// F32-NOT: s2s.weight_input
// F32-NOT: s2s.no_weights
// F32: return
func.func @main(%x: tensor<4x8xf32>, %w: tensor<8x8xf32>)
    -> tensor<1x1x4x8xf32> {
  %y = s2s.linear %x, %w : (tensor<4x8xf32>, tensor<8x8xf32>) -> tensor<4x8xf32>
  %q = tensor.expand_shape %y [[0, 1, 2], [3]] output_shape [1, 1, 4, 8]
      : tensor<4x8xf32> into tensor<1x1x4x8xf32>
  %k = arith.constant dense<0.25> : tensor<1x1x6x8xf32>
  %v = arith.constant dense<0.5> : tensor<1x1x6x8xf32>
  %o = s2s.scaled_dot_product_attention %q, %k, %v
      : (tensor<1x1x4x8xf32>, tensor<1x1x6x8xf32>, tensor<1x1x6x8xf32>)
      -> tensor<1x1x4x8xf32>
  return %o : tensor<1x1x4x8xf32>
}

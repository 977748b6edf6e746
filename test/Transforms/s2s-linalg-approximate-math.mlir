// RUN: s2s-opt %s --s2s-linalg-approximate-math | FileCheck %s

/// exp and tanh of the gates and the softmax become arith code (which
/// vectorizes); no libm call remains for them.
// CHECK-LABEL: func.func @gates(
// CHECK-NOT:     math.exp
// CHECK-NOT:     math.tanh
// CHECK:         arith.bitcast
// CHECK:         return
func.func @gates(%x: f32) -> (f32, f32) {
  %e = math.exp %x : f32
  %t = math.tanh %x : f32
  return %e, %t : f32, f32
}

/// On vectors too.
// CHECK-LABEL: func.func @vector_exp(
// CHECK-NOT:     math.exp
// CHECK:         return {{.+}} : vector<16xf32>
func.func @vector_exp(%x: vector<16xf32>) -> vector<16xf32> {
  %e = math.exp %x : vector<16xf32>
  return %e : vector<16xf32>
}

/// Functions without an approximation are left alone.
// CHECK-LABEL: func.func @negative_sqrt(
// CHECK:         math.sqrt
func.func @negative_sqrt(%x: f32) -> f32 {
  %s = math.sqrt %x : f32
  return %s : f32
}

// RUN: s2s-opt %s --s2s-cpu-expand-fma | FileCheck %s

/// A vector kernel's accumulation: the product, then the sum.
// CHECK-LABEL: func.func @vector_fma(
// CHECK-SAME:      %[[A:[^:]+]]: vector<8xf32>, %[[B:[^:]+]]: vector<8xf32>, %[[C:[^:]+]]: vector<8xf32>)
// CHECK-NOT:     fma
// CHECK:         %[[P:.+]] = arith.mulf %[[A]], %[[B]] : vector<8xf32>
// CHECK:         %[[R:.+]] = arith.addf %[[P]], %[[C]] : vector<8xf32>
// CHECK:         return %[[R]]
func.func @vector_fma(%a: vector<8xf32>, %b: vector<8xf32>,
                      %c: vector<8xf32>) -> vector<8xf32> {
  %r = vector.fma %a, %b, %c : vector<8xf32>
  return %r : vector<8xf32>
}

/// A polynomial's step (scalar or vector math.fma): its fastmath flags stay
/// on both ops.
// CHECK-LABEL: func.func @math_fma(
// CHECK-SAME:      %[[X:[^:]+]]: f32, %[[V:[^:]+]]: vector<4xf32>)
// CHECK-NOT:     fma
// CHECK:         %[[P:.+]] = arith.mulf %[[X]], %[[X]] fastmath<contract> : f32
// CHECK:         %[[S:.+]] = arith.addf %[[P]], %[[X]] fastmath<contract> : f32
// CHECK:         %[[Q:.+]] = arith.mulf %[[V]], %[[V]] : vector<4xf32>
// CHECK:         %[[T:.+]] = arith.addf %[[Q]], %[[V]] : vector<4xf32>
// CHECK:         return %[[S]], %[[T]]
func.func @math_fma(%x: f32, %v: vector<4xf32>) -> (f32, vector<4xf32>) {
  %s = math.fma %x, %x, %x fastmath<contract> : f32
  %t = math.fma %v, %v, %v : vector<4xf32>
  return %s, %t : f32, vector<4xf32>
}

/// Other multiplications and additions are left alone.
// CHECK-LABEL: func.func @others(
// CHECK:         arith.mulf
// CHECK-NEXT:    arith.addf
// CHECK-NEXT:    return
func.func @others(%x: f32) -> f32 {
  %p = arith.mulf %x, %x : f32
  %s = arith.addf %p, %x : f32
  return %s : f32
}

// RUN: s2s-opt %s --s2s-cpu-copies-to-linalg -split-input-file | FileCheck %s

/// A copy out of a non-contiguous (strided) memref, which the LLVM lowering
/// would turn into a call to memrefCopy, becomes a linalg.copy with the same
/// operands and layouts.
// CHECK-LABEL: func.func @strided_source(
// CHECK-SAME:      %[[SRC:[a-zA-Z0-9_]+]]: memref<4x8xf32, strided<[16, 1]>>,
// CHECK-SAME:      %[[DST:[a-zA-Z0-9_]+]]: memref<4x8xf32>)
// CHECK-NOT:     memref.copy
// CHECK:         linalg.copy ins(%[[SRC]] : memref<4x8xf32, strided<[16, 1]>>) outs(%[[DST]] : memref<4x8xf32>)
// CHECK-NEXT:    return
func.func @strided_source(%src: memref<4x8xf32, strided<[16, 1]>>,
    %dst: memref<4x8xf32>) {
  memref.copy %src, %dst : memref<4x8xf32, strided<[16, 1]>> to memref<4x8xf32>
  return
}

// -----

/// The destination may be the strided one: a time step of a recurrent output
/// written through a subview with a dynamic offset.
// CHECK-LABEL: func.func @strided_destination_in_loop(
// CHECK-SAME:      %[[STEP:[a-zA-Z0-9_]+]]: memref<2x8xf32>,
// CHECK-SAME:      %[[Y:[a-zA-Z0-9_]+]]: memref<6x2x8xf32>)
// CHECK:         scf.for %[[T:[a-zA-Z0-9_]+]] =
// CHECK:           %[[SLICE:.+]] = memref.subview %[[Y]][%[[T]], 0, 0] [1, 2, 8] [1, 1, 1]
// CHECK-NOT:       memref.copy
// CHECK:           linalg.copy ins(%[[STEP]] : memref<2x8xf32>) outs(%[[SLICE]] : memref<2x8xf32, strided<[8, 1], offset: ?>>)
func.func @strided_destination_in_loop(%step: memref<2x8xf32>,
    %y: memref<6x2x8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c6 = arith.constant 6 : index
  scf.for %t = %c0 to %c6 step %c1 {
    %slice = memref.subview %y[%t, 0, 0] [1, 2, 8] [1, 1, 1]
        : memref<6x2x8xf32> to memref<2x8xf32, strided<[8, 1], offset: ?>>
    memref.copy %step, %slice
        : memref<2x8xf32> to memref<2x8xf32, strided<[8, 1], offset: ?>>
  }
  return
}

// -----

/// Every copy is rewritten, contiguous ones and rank 0 included.
// CHECK-LABEL: func.func @contiguous_and_rank0(
// CHECK-SAME:      %[[A:[a-zA-Z0-9_]+]]: memref<4xf32>, %[[B:[a-zA-Z0-9_]+]]: memref<4xf32>,
// CHECK-SAME:      %[[S:[a-zA-Z0-9_]+]]: memref<f32>, %[[T:[a-zA-Z0-9_]+]]: memref<f32>)
// CHECK-NOT:     memref.copy
// CHECK:         linalg.copy ins(%[[A]] : memref<4xf32>) outs(%[[B]] : memref<4xf32>)
// CHECK-NEXT:    linalg.copy ins(%[[S]] : memref<f32>) outs(%[[T]] : memref<f32>)
func.func @contiguous_and_rank0(%a: memref<4xf32>, %b: memref<4xf32>,
    %s: memref<f32>, %t: memref<f32>) {
  memref.copy %a, %b : memref<4xf32> to memref<4xf32>
  memref.copy %s, %t : memref<f32> to memref<f32>
  return
}

// -----

/// Other memref ops are left alone.
// CHECK-LABEL: func.func @negative_no_copy(
// CHECK:         %[[ALLOC:.+]] = memref.alloc() : memref<4xf32>
// CHECK-NEXT:    memref.store %{{.+}}, %[[ALLOC]]
// CHECK-NEXT:    memref.dealloc %[[ALLOC]]
// CHECK-NOT:     linalg.copy
func.func @negative_no_copy(%v: f32, %i: index) {
  %alloc = memref.alloc() : memref<4xf32>
  memref.store %v, %alloc[%i] : memref<4xf32>
  memref.dealloc %alloc : memref<4xf32>
  return
}

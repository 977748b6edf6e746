// RUN: s2s-opt %s --s2s-bufferization-order-globals | FileCheck %s

/// The module's memref.global ops move to its start in the order of their
/// names, wherever they were; functions keep their order.
// CHECK:      memref.global "private" constant @__constant_1xf32
// CHECK-NEXT: memref.global "private" constant @__constant_2xf32
// CHECK-NEXT: memref.global "private" constant @__constant_3xf32
// CHECK-NEXT: func.func @first
// CHECK:      func.func @second
memref.global "private" constant @__constant_3xf32 : memref<3xf32> = dense<1.0>
func.func @first() -> memref<3xf32> {
  %g = memref.get_global @__constant_3xf32 : memref<3xf32>
  return %g : memref<3xf32>
}
memref.global "private" constant @__constant_1xf32 : memref<1xf32> = dense<2.0>
memref.global "private" constant @__constant_2xf32 : memref<2xf32> = dense<3.0>
func.func @second() -> memref<1xf32> {
  %g = memref.get_global @__constant_1xf32 : memref<1xf32>
  return %g : memref<1xf32>
}

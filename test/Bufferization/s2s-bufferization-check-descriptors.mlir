// RUN: s2s-opt %s --s2s-bufferization-check-descriptors | FileCheck %s

// An entry takes any strided descriptor of each argument's rank, checks it
// (offset 0, the static sizes, row-major strides; any stride where the size
// is 0 or 1) before the body, and views it as the type the body was
// compiled for.

// CHECK-LABEL: func.func @main(
// CHECK-SAME:      %[[X:[a-z0-9]+]]: memref<?x?xf32, strided<[?, ?], offset: ?>>,
// CHECK-SAME:      %[[S:[a-z0-9]+]]: memref<f32, strided<[], offset: ?>>,
// CHECK-SAME:      %[[OUT:[a-z0-9]+]]: memref<?x?xf32, strided<[?, ?], offset: ?>>)
// CHECK:         %{{.+}}, %[[OFF:.+]], %[[SZ:.+]]:2, %[[ST:.+]]:2 = memref.extract_strided_metadata %[[X]]
// CHECK:         arith.cmpi eq, %[[OFF]], %c0
// CHECK:         arith.cmpi eq, %[[SZ]]#1, %c8
// CHECK:         arith.cmpi sle, %[[SZ]]#1, %c1
// CHECK:         arith.cmpi eq, %[[ST]]#1, %c1
// CHECK:         %[[ROW:.+]] = arith.muli %c1, %[[SZ]]#1
// CHECK:         arith.cmpi sge, %[[SZ]]#0, %c0
// CHECK:         arith.cmpi eq, %[[ST]]#0, %[[ROW]]
// CHECK:         %[[XV:.+]] = memref.reinterpret_cast %[[X]] to offset: [0], sizes: [%[[SZ]]#0, 8], strides: [8, 1] : memref<?x?xf32, strided<[?, ?], offset: ?>> to memref<?x8xf32>
// CHECK:         memref.extract_strided_metadata %[[S]]
// CHECK:         memref.reinterpret_cast %[[S]] to offset: [0], sizes: [], strides: [] : memref<f32, strided<[], offset: ?>> to memref<f32>
// CHECK:         cf.assert %{{.+}}, "argument #0 of @main: its memref descriptor must have offset 0, sizes [?, 8] and row-major (C-order) strides"
// CHECK:         cf.assert %{{.+}}, "argument #1 of @main: its memref descriptor must have offset 0, sizes [] and row-major (C-order) strides"
// CHECK:         cf.assert %{{.+}}, "argument #2 of @main: its memref descriptor must have offset 0, sizes [?, 8] and row-major (C-order) strides"
// CHECK:         %[[OUTV:.+]] = memref.reinterpret_cast %[[OUT]]
// CHECK:         memref.copy %[[XV]], %[[OUTV]] : memref<?x8xf32> to memref<?x8xf32>
func.func @main(%x: memref<?x8xf32>, %s: memref<f32>, %out: memref<?x8xf32>) attributes {llvm.emit_c_interface} {
  memref.copy %x, %out : memref<?x8xf32> to memref<?x8xf32>
  return
}

// In the entry's check function, the same checks are statuses after the
// shape checks' (numbered on from them, their messages appended); a shape
// status comes first.

// CHECK-LABEL: func.func @main_check_shapes(
// CHECK-SAME:      s2s.shape_checks = ["a shape rule", "argument #0 of @main: its memref descriptor must have offset 0, sizes [?, 8] and row-major (C-order) strides", "argument #1 of @main: {{.*}}"]
// CHECK-NOT:     cf.assert
// CHECK:         %[[SHAPE:.+]] = arith.select %{{.+}}, %c0_i32, %c1_i32 : i32
// CHECK:         %[[D1:.+]] = arith.select %{{.+}}, %{{.+}}, %c3_i32 : i32
// CHECK:         %[[D0:.+]] = arith.select %{{.+}}, %[[D1]], %c2_i32 : i32
// CHECK:         %[[OK:.+]] = arith.cmpi eq, %[[SHAPE]], %{{.+}} : i32
// CHECK:         %[[STATUS:.+]] = arith.select %[[OK]], %[[D0]], %[[SHAPE]] : i32
// CHECK:         return %[[STATUS]] : i32
func.func @main_check_shapes(%x: memref<?x8xf32>, %s: memref<f32>) -> i32 attributes {llvm.emit_c_interface, s2s.shape_checks = ["a shape rule"]} {
  %c0 = arith.constant 0 : index
  %c0_i32 = arith.constant 0 : i32
  %c1_i32 = arith.constant 1 : i32
  %d = memref.dim %x, %c0 : memref<?x8xf32>
  %ok = arith.cmpi sgt, %d, %c0 : index
  %status = arith.select %ok, %c0_i32, %c1_i32 : i32
  return %status : i32
}

// Functions without a C interface, and private ones, are not called with a
// caller's descriptors: left alone.

// CHECK-LABEL: func.func @no_c_interface(
// CHECK-SAME:      memref<4xf32>)
// CHECK-NEXT:    return
func.func @no_c_interface(%x: memref<4xf32>) {
  return
}

// CHECK-LABEL: func.func private @helper(
// CHECK-SAME:      memref<4xf32>)
// CHECK-NEXT:    return
func.func private @helper(%x: memref<4xf32>) attributes {llvm.emit_c_interface} {
  return
}

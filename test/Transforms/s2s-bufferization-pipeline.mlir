// RUN: s2s-opt %S/Inputs/stages-model.mlir --s2s-to-linalg-pipeline \
// RUN:   | s2s-opt --s2s-linalg-pipeline | s2s-opt --s2s-bufferization-pipeline \
// RUN:   | FileCheck %s

/// The bufferization stage alone, on tensor IR: the entry point takes its
/// result as a caller-allocated memref after the inputs, returns nothing and
/// has a C interface; each argument takes any strided descriptor, checked
/// and viewed as the type the body needs; no tensor is left.
// CHECK-LABEL: func.func @encoder(
// CHECK-SAME:      memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>, %{{.+}}: memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>, %{{.+}}: memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>, %{{.+}}: memref<?x?xf32, strided<[?, ?], offset: ?>>, %{{.+}}: memref<?xf32, strided<[?], offset: ?>>, %{{.+}}: memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>) attributes {llvm.emit_c_interface} {
// CHECK:         cf.assert %{{.+}}, "argument #0 of @encoder: its memref descriptor must have offset 0, sizes [6, 2, 16] and row-major (C-order) strides"
// CHECK:         cf.assert %{{.+}}, "argument #5 of @encoder: its memref descriptor must have offset 0, sizes [6, 2, 16] and row-major (C-order) strides"
// CHECK:         memref.reinterpret_cast %{{.+}} to offset: [0], sizes: [6, 2, 16], strides: [32, 16, 1]
// CHECK-NOT:     tensor<
// CHECK:         scf.for
// CHECK:         linalg.generic
// CHECK:         return{{$}}

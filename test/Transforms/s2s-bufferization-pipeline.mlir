// RUN: s2s-opt %S/Inputs/stages-model.mlir --s2s-to-linalg-pipeline \
// RUN:   | s2s-opt --s2s-linalg-pipeline | s2s-opt --s2s-bufferization-pipeline \
// RUN:   | FileCheck %s

/// The bufferization stage alone, on tensor IR: the entry point takes its
/// result as a caller-allocated memref after the inputs, has a C interface
/// and returns the status of the checks of its arguments: each takes any
/// strided descriptor, checked, then viewed in @encoder_body as the type the
/// body needs; no tensor is left.
// CHECK-LABEL: func.func @encoder(
// CHECK-SAME:      memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>, %{{.+}}: memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>, %{{.+}}: memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>, %{{.+}}: memref<?x?xf32, strided<[?, ?], offset: ?>>, %{{.+}}: memref<?xf32, strided<[?], offset: ?>>, %{{.+}}: memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>) -> i32
// CHECK-SAME:      attributes {llvm.emit_c_interface, s2s.status_messages = ["argument #0 of @encoder: its memref descriptor must have offset 0, sizes [6, 2, 16] and row-major (C-order) strides",
// CHECK-SAME:      "argument #5 of @encoder: its memref descriptor must have offset 0, sizes [6, 2, 16] and row-major (C-order) strides"]} {
// CHECK:         memref.extract_strided_metadata
// CHECK:         scf.if
// CHECK:           func.call @encoder_body(
// CHECK:         return %{{.+}} : i32
// CHECK-LABEL: func.func private @encoder_body(
// CHECK-NOT:     cf.assert
// CHECK:         memref.reinterpret_cast %{{.+}} to offset: [0], sizes: [6, 2, 16], strides: [32, 16, 1]
// CHECK-NOT:     tensor<
// CHECK:         scf.for
// CHECK:         linalg.generic
// CHECK:         return{{$}}

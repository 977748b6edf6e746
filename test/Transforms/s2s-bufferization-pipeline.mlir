// RUN: s2s-opt %S/Inputs/stages-model.mlir --s2s-to-linalg-pipeline \
// RUN:   | s2s-opt --s2s-linalg-pipeline | s2s-opt --s2s-bufferization-pipeline \
// RUN:   | FileCheck %s

/// The bufferization stage alone, on tensor IR: the entry point takes its
/// result as a caller-allocated memref after the inputs, returns nothing and
/// has a C interface;
/// no tensor is left.
// CHECK-LABEL: func.func @encoder(
// CHECK-SAME:      memref<6x2x16xf32>, %{{.+}}: memref<1x64x16xf32>, %{{.+}}: memref<1x64x16xf32>, %{{.+}}: memref<16x16xf32>, %{{.+}}: memref<16xf32>, %{{.+}}: memref<6x2x16xf32>) attributes {llvm.emit_c_interface} {
// CHECK-NOT:     tensor<
// CHECK:         scf.for
// CHECK:         linalg.generic
// CHECK:         return{{$}}

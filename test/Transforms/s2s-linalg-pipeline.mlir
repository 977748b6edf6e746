// RUN: s2s-opt %S/Inputs/stages-model.mlir --s2s-to-linalg-pipeline \
// RUN:   | s2s-opt --s2s-linalg-pipeline | FileCheck %s
// RUN: s2s-opt %S/Inputs/stages-model.mlir --s2s-to-linalg-pipeline \
// RUN:   | s2s-opt --s2s-linalg-pipeline="approximate-math=false" \
// RUN:   | FileCheck %s --check-prefix=LIBM

/// The linalg stage alone, on the lowering's output: the residual addf on
/// tensors becomes a linalg.generic (fused with the linear layer's bias),
/// and the gates' exp and tanh become polynomials; still on tensors.
// CHECK-LABEL: func.func @encoder(
// CHECK-NOT:     math.exp
// CHECK-NOT:     math.tanh
// CHECK-NOT:     arith.addf %{{.+}}, %{{.+}} : tensor<
// CHECK-NOT:     memref.
// CHECK:         return

/// approximate-math=false keeps libm's functions.
// LIBM-LABEL: func.func @encoder(
// LIBM:         math.exp
// LIBM:         math.tanh

// RUN: s2s-opt %S/Inputs/stages-model.mlir --s2s-graph-pipeline \
// RUN:   | s2s-opt --s2s-linalg-lowering-pipeline | FileCheck %s

/// The lowering stage alone, on the graph stage's output: no s2s op is left;
/// the recurrence is an scf.for over the 6 steps on tensors, the gate math
/// still libm's exp and tanh; the residual arith.addf on tensors is left for
/// the linalg stage.
// CHECK-LABEL: func.func @encoder(
// CHECK-NOT:     s2s.
// CHECK:         linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "reduction"]
// CHECK-SAME:        tensor<12x16xf32>, tensor<64x16xf32>
// CHECK:         scf.for {{.+}} -> (tensor<2x16xf32>, tensor<2x16xf32>, tensor<6x2x16xf32>)
// CHECK:           math.exp
// CHECK:           math.tanh
// CHECK:         arith.addf %{{.+}}, %{{.+}} : tensor<6x2x16xf32>
// CHECK-NOT:     s2s.
// CHECK-NOT:     memref.

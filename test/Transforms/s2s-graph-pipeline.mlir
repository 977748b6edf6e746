// RUN: s2s-opt %S/Inputs/stages-model.mlir --s2s-graph-pipeline | FileCheck %s
// RUN: s2s-opt %S/Inputs/stages-model.mlir --s2s-graph-pipeline="hoist-rnn-input=false" | FileCheck %s --check-prefix=NO-HOIST

/// The graph stage alone: the LSTM's input projection becomes one s2s.linear
/// before the recurrence; everything stays at the s2s level.
// CHECK-LABEL: func.func @encoder(
// CHECK:         %[[GATES:.+]] = s2s.linear %{{.+}}, %{{.+}} : (tensor<6x2x16xf32>, tensor<64x16xf32>) -> tensor<6x2x64xf32>
// CHECK:         s2s.recurrence lstm %[[GATES]]
// CHECK:         s2s.linear
// CHECK:         arith.addf
// CHECK-NOT:     linalg.

/// Its options switch each pass off.
// NO-HOIST-LABEL: func.func @encoder(
// NO-HOIST:         s2s.lstm
// NO-HOIST-NOT:     s2s.recurrence

// RUN: s2s-opt %S/../../Transforms/Inputs/stages-model.mlir --s2s-to-linalg-pipeline \
// RUN:   | s2s-opt --s2s-linalg-pipeline | s2s-opt --s2s-bufferization-pipeline \
// RUN:   | s2s-opt --s2s-cpu-codegen-pipeline="vector-bits=512" | FileCheck %s
// RUN: s2s-opt %S/../../Transforms/Inputs/stages-model.mlir --s2s-to-linalg-pipeline \
// RUN:   | s2s-opt --s2s-linalg-pipeline | s2s-opt --s2s-bufferization-pipeline \
// RUN:   | s2s-opt --s2s-cpu-codegen-pipeline="lower-contractions=false" \
// RUN:   | FileCheck %s --check-prefix=NO-KERNELS

/// The CPU code generation stage alone, on bufferized IR: the contractions
/// are vector FMA kernels on 16-lane vectors, everything else loops; no
/// linalg op is left.
// CHECK-LABEL: func.func @encoder(
// CHECK:         vector.fma {{.+}} : vector<16xf32>
// CHECK-NOT:     linalg.
// CHECK:         return

/// Without the kernels, the contractions are scalar loops.
// NO-KERNELS-LABEL: func.func @encoder(
// NO-KERNELS-NOT:     vector.fma
// NO-KERNELS-NOT:     linalg.
// NO-KERNELS:         return

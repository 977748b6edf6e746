// RUN: s2s-opt %S/Inputs/stages-model.mlir --s2s-to-linalg-pipeline \
// RUN:   | s2s-opt --s2s-linalg-pipeline | s2s-opt --s2s-bufferization-pipeline \
// RUN:   | s2s-opt --s2s-cpu-codegen-pipeline \
// RUN:   | s2s-opt --s2s-llvm-lowering-pipeline | FileCheck %s

/// The LLVM stage alone, on the code generation's output: only the llvm
/// dialect is left, with the C interface wrapper.
// CHECK-NOT: {{[[:space:]"](arith|cf|func|linalg|math|memref|scf|vector|affine|ub)\.[a-z_]+}}
// CHECK:     llvm.func @encoder(
// CHECK:     llvm.func @_mlir_ciface_encoder(

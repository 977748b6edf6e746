// RUN: s2s-opt %s --s2s-to-llvm="vector-bits=512" | FileCheck %s
// RUN: s2s-opt %s --s2s-to-llvm="vector-bits=512 lower-contractions=false" | FileCheck %s --check-prefix=LOOPS

// Named contractions, as the ONNX importer and hand-written linalg use
// them, are generalized before s2s-cpu-lower-contractions, so they get the
// vector kernels too (vector FMAs on 16 lanes) instead of scalar loops.

// CHECK-LABEL: llvm.func @matmul(
// CHECK:         llvm.intr.fmuladd({{.+}}) : (vector<16xf32>, vector<16xf32>, vector<16xf32>) -> vector<16xf32>
// LOOPS-LABEL: llvm.func @matmul(
// LOOPS-NOT:     vector<16xf32>
func.func @matmul(%x: tensor<24x64xf32>, %w: tensor<64x32xf32>) -> tensor<24x32xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<24x32xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<24x32xf32>) -> tensor<24x32xf32>
  %y = linalg.matmul ins(%x, %w : tensor<24x64xf32>, tensor<64x32xf32>)
      outs(%f : tensor<24x32xf32>) -> tensor<24x32xf32>
  return %y : tensor<24x32xf32>
}

// CHECK-LABEL: llvm.func @batch_matmul(
// CHECK:         llvm.intr.fmuladd({{.+}}) : (vector<16xf32>, vector<16xf32>, vector<16xf32>) -> vector<16xf32>
func.func @batch_matmul(%a: tensor<4x12x64xf32>, %b: tensor<4x64x32xf32>) -> tensor<4x12x32xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x12x32xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<4x12x32xf32>) -> tensor<4x12x32xf32>
  %y = linalg.batch_matmul ins(%a, %b : tensor<4x12x64xf32>, tensor<4x64x32xf32>)
      outs(%f : tensor<4x12x32xf32>) -> tensor<4x12x32xf32>
  return %y : tensor<4x12x32xf32>
}

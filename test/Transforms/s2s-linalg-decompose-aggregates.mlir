// RUN: s2s-opt %s --s2s-linalg-decompose-aggregates -split-input-file | FileCheck %s

/// linalg.softmax becomes its decomposition: a max reduction, exp(x - max),
/// a sum reduction and a division, all linalg.generic.
// CHECK-LABEL: func.func @softmax(
// CHECK-SAME:    %[[X:[a-zA-Z0-9_]+]]: tensor<2x8xf32>)
// CHECK-NOT:     linalg.softmax
// CHECK:         %[[MAX:.+]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%[[X]] : tensor<2x8xf32>)
// CHECK:           arith.maxnumf
// CHECK:         %[[EXP:.+]] = linalg.generic {{.*}} ins(%[[X]], %[[MAX]] : tensor<2x8xf32>, tensor<2xf32>)
// CHECK:           arith.subf
// CHECK:           math.exp
// CHECK:         %[[SUM:.+]] = linalg.generic {{.*}} ins(%[[EXP]] : tensor<2x8xf32>)
// CHECK:           arith.addf
// CHECK:         %[[P:.+]] = linalg.generic {{.*}} ins(%[[EXP]], %[[SUM]] : tensor<2x8xf32>, tensor<2xf32>)
// CHECK:           arith.divf
// CHECK:         return %[[P]]
func.func @softmax(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %e = tensor.empty() : tensor<2x8xf32>
  %p = linalg.softmax dimension(1) ins(%x : tensor<2x8xf32>)
      outs(%e : tensor<2x8xf32>) -> tensor<2x8xf32>
  return %p : tensor<2x8xf32>
}

// -----

/// Other linalg ops are left alone.
// CHECK-LABEL: func.func @matmul(
// CHECK:         linalg.matmul
func.func @matmul(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>,
    %c: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<2x3xf32>, tensor<3x4xf32>)
      outs(%c : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %r : tensor<2x4xf32>
}

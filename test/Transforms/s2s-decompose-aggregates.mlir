// RUN: s2s-opt %s --s2s-decompose-aggregates | FileCheck %s

/// linalg.softmax becomes max, exp, sum and division generics.
// CHECK-LABEL: func.func @softmax_rows(
// CHECK-SAME:      %[[X:[a-zA-Z0-9_]+]]: tensor<2x5xf32>
// CHECK-NOT:     linalg.softmax
// CHECK:         %[[MAX:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "reduction"]} ins(%[[X]] : tensor<2x5xf32>)
// CHECK:           arith.maxnumf
// CHECK:         %[[EXP:.+]] = linalg.generic {{.+}} ins(%[[X]], %[[MAX]] : tensor<2x5xf32>, tensor<2xf32>)
// CHECK:           arith.subf
// CHECK:           math.exp
// CHECK:         %[[SUM:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "reduction"]} ins(%[[EXP]] : tensor<2x5xf32>)
// CHECK:           arith.addf
// CHECK:         %[[Y:.+]] = linalg.generic {{.+}} ins(%[[EXP]], %[[SUM]] : tensor<2x5xf32>, tensor<2xf32>)
// CHECK:           arith.divf
// CHECK:         return %[[Y]]
func.func @softmax_rows(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
  %init = tensor.empty() : tensor<2x5xf32>
  %y = linalg.softmax dimension(1) ins(%x : tensor<2x5xf32>)
      outs(%init : tensor<2x5xf32>) -> tensor<2x5xf32>
  return %y : tensor<2x5xf32>
}

/// Other linalg ops are left alone.
// CHECK-LABEL: func.func @negative_matmul(
// CHECK:         linalg.matmul
func.func @negative_matmul(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>,
    %c: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<2x3xf32>, tensor<3x4xf32>)
      outs(%c : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

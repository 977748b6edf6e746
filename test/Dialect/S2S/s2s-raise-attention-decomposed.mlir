// RUN: s2s-opt %s --s2s-linalg-decompose-aggregates --s2s-raise-attention | FileCheck %s

/// The softmax exactly as linalg.softmax's own decomposition writes it (a
/// maxnumf reduction started at NaN, exp(x - max) in one op, a sum and a
/// division): the chain is still raised. The scale and mask are named
/// linalg.mul and linalg.add; the rank-3 mask is aligned right as is.
// CHECK-LABEL: func.func @upstream_decomposition(
// CHECK-SAME:    %[[Q:[a-zA-Z0-9_]+]]: tensor<6x5x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<6x7x8xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<6x7x8xf32>, %[[M:[a-zA-Z0-9_]+]]: tensor<6x5x7xf32>)
// CHECK:         %[[O:.+]] = s2s.scaled_dot_product_attention {{.*}} mask(%[[M]]) scale(1.250000e-01) : (tensor<1x6x5x8xf32>, tensor<1x6x7x8xf32>, tensor<1x6x7x8xf32>, tensor<6x5x7xf32>) -> tensor<1x6x5x8xf32>
// CHECK-NOT:     linalg.
// CHECK:         tensor.collapse_shape %[[O]]
func.func @upstream_decomposition(%q: tensor<6x5x8xf32>, %k: tensor<6x7x8xf32>,
    %v: tensor<6x7x8xf32>, %mask: tensor<6x5x7xf32>) -> tensor<6x5x8xf32> {
  %zero = arith.constant 0.0 : f32
  %eighth = arith.constant dense<0.125> : tensor<6x5x7xf32>
  %e0 = tensor.empty() : tensor<6x8x7xf32>
  %kt = linalg.transpose ins(%k : tensor<6x7x8xf32>)
      outs(%e0 : tensor<6x8x7xf32>) permutation = [0, 2, 1]
  %e1 = tensor.empty() : tensor<6x5x7xf32>
  %z1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<6x5x7xf32>)
      -> tensor<6x5x7xf32>
  %s = linalg.batch_matmul ins(%q, %kt : tensor<6x5x8xf32>, tensor<6x8x7xf32>)
      outs(%z1 : tensor<6x5x7xf32>) -> tensor<6x5x7xf32>
  %scaled = linalg.mul ins(%s, %eighth : tensor<6x5x7xf32>, tensor<6x5x7xf32>)
      outs(%e1 : tensor<6x5x7xf32>) -> tensor<6x5x7xf32>
  %masked = linalg.add ins(%scaled, %mask : tensor<6x5x7xf32>, tensor<6x5x7xf32>)
      outs(%e1 : tensor<6x5x7xf32>) -> tensor<6x5x7xf32>
  %p = linalg.softmax dimension(2) ins(%masked : tensor<6x5x7xf32>)
      outs(%e1 : tensor<6x5x7xf32>) -> tensor<6x5x7xf32>
  %e2 = tensor.empty() : tensor<6x5x8xf32>
  %z2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<6x5x8xf32>)
      -> tensor<6x5x8xf32>
  %out = linalg.batch_matmul ins(%p, %v : tensor<6x5x7xf32>, tensor<6x7x8xf32>)
      outs(%z2 : tensor<6x5x8xf32>) -> tensor<6x5x8xf32>
  return %out : tensor<6x5x8xf32>
}

// RUN: s2s-opt %s --s2s-to-linalg-pipeline | FileCheck %s --check-prefix=RAISED
// RUN: s2s-opt %s --s2s-to-linalg-pipeline="raise-attention=false" | FileCheck %s --check-prefix=OFF

// The pipelines start with s2s-raise-attention: attention written in linalg
// takes the lowering of s2s.scaled_dot_product_attention (a loop over key
// blocks with an online softmax, no [Tq, Tk] softmax op), unless the option
// switches it off; then the softmax is decomposed into generics
// (s2s-linalg-decompose-aggregates) over the whole [Tq, Tk] scores.

// RAISED-LABEL: func.func @attention(
// RAISED-NOT:     linalg.softmax
// RAISED-NOT:     linalg.batch_matmul
// RAISED:         scf.for
// RAISED-NOT:     linalg.softmax

// OFF-LABEL: func.func @attention(
// OFF:         linalg.batch_matmul
// OFF-NOT:     linalg.softmax
// OFF:         math.exp
// OFF:         linalg.batch_matmul
func.func @attention(%q: tensor<4x5x8xf32>, %k: tensor<4x7x8xf32>,
    %v: tensor<4x7x8xf32>) -> tensor<4x5x8xf32> {
  %zero = arith.constant 0.0 : f32
  %e0 = tensor.empty() : tensor<4x8x7xf32>
  %kt = linalg.transpose ins(%k : tensor<4x7x8xf32>)
      outs(%e0 : tensor<4x8x7xf32>) permutation = [0, 2, 1]
  %e1 = tensor.empty() : tensor<4x5x7xf32>
  %z1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<4x5x7xf32>)
      -> tensor<4x5x7xf32>
  %s = linalg.batch_matmul ins(%q, %kt : tensor<4x5x8xf32>, tensor<4x8x7xf32>)
      outs(%z1 : tensor<4x5x7xf32>) -> tensor<4x5x7xf32>
  %p = linalg.softmax dimension(2) ins(%s : tensor<4x5x7xf32>)
      outs(%e1 : tensor<4x5x7xf32>) -> tensor<4x5x7xf32>
  %e2 = tensor.empty() : tensor<4x5x8xf32>
  %z2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<4x5x8xf32>)
      -> tensor<4x5x8xf32>
  %out = linalg.batch_matmul ins(%p, %v : tensor<4x5x7xf32>, tensor<4x7x8xf32>)
      outs(%z2 : tensor<4x5x8xf32>) -> tensor<4x5x8xf32>
  return %out : tensor<4x5x8xf32>
}

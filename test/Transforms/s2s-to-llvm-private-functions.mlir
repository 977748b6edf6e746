// RUN: s2s-opt %s --s2s-graph-pipeline | FileCheck %s
// RUN: rm -rf %t && mkdir -p %t
// RUN: s2s-run %S/Inputs/make-private-functions-inputs.mlir \
// RUN:   --output=%t/x.npy --output=%t/w.npy --output=%t/b.npy
// RUN: s2s-run %s --input=%t/x.npy --input=%t/w.npy --input=%t/b.npy \
// RUN:   | FileCheck %s --check-prefix=RUN-RESULT
// RUN: s2s-opt %S/Inputs/public-calls-public.mlir --s2s-to-llvm > %t/public.mlir
// RUN: FileCheck %s --check-prefix=PUBLIC < %t/public.mlir
// RUN: FileCheck %s --check-prefix=PUBLIC-BODY < %t/public.mlir

/// An entry point that calls another: the call is inlined, and the callee
/// stays an entry point of its own (with its C interface).
// PUBLIC-DAG:  llvm.func @_mlir_ciface_inner(
// PUBLIC-DAG:  llvm.func @_mlir_ciface_outer(
// PUBLIC-BODY-LABEL: llvm.func @outer_body(
// PUBLIC-BODY-NOT:   llvm.call @inner
// PUBLIC-BODY:       llvm.return

/// A model may write a block once as a private function and call it from
/// its entry points (a decoder step from greedy and beam search): the
/// pipeline inlines every call and erases the callee, so that the passes
/// see one function, and the result shape function of the entry (built
/// from its body) reads sizes only.
// CHECK-NOT:     func.func private
// CHECK-LABEL:   func.func @main(
// CHECK-NOT:       call
// CHECK-COUNT-4:   s2s.linear
// CHECK-NOT:       call
// CHECK:           return
// CHECK-NOT:     func.func private

/// The block applied twice: x (2 I)^4 + the biases, for x = [[1, 2, 3, 4]]
/// and a bias of 1: ((((x 2 + 1) 2 + 1) 2 + 1) 2 + 1).
// RUN-RESULT:      result #0: tensor<1x4xf32>
// RUN-RESULT-NEXT: {{\[\[}}31, 47, 63, 79]]

func.func private @block(%x: tensor<?x4xf32>, %w: tensor<4x4xf32>,
                         %b: tensor<4xf32>) -> tensor<?x4xf32> {
  %0 = s2s.linear %x, %w, %b
      : (tensor<?x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  %1 = s2s.linear %0, %w, %b
      : (tensor<?x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  return %1 : tensor<?x4xf32>
}

func.func @main(%x: tensor<?x4xf32>, %w: tensor<4x4xf32>, %b: tensor<4xf32>)
    -> tensor<?x4xf32> {
  %0 = func.call @block(%x, %w, %b)
      : (tensor<?x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  %1 = func.call @block(%0, %w, %b)
      : (tensor<?x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  return %1 : tensor<?x4xf32>
}

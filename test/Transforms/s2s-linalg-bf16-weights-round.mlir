// RUN: s2s-opt %s --s2s-linalg-bf16-weights=round-activations --split-input-file | FileCheck %s
// RUN: s2s-opt %s --s2s-linalg-bf16-weights --split-input-file | FileCheck %s --check-prefix=WEIGHTS

// round-activations: the weights become bf16 as without it, and the other
// input (the activations, still an f32 tensor) is rounded to bf16 in the
// body, so that the product is one of two bf16 numbers.

#x = affine_map<(i, j, k) -> (i, k)>
#w = affine_map<(i, j, k) -> (j, k)>
#y = affine_map<(i, j, k) -> (i, j)>

// CHECK-LABEL: func.func @linear
// CHECK-SAME: (%[[X:.*]]: tensor<4x16xf32>, %[[W:.*]]: tensor<8x16xf32>
// CHECK: %[[W16:.*]] = linalg.generic {{.*}} ins(%[[W]] : tensor<8x16xf32>)
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[X]], %[[W16]] : tensor<4x16xf32>, tensor<8x16xbf16>)
// CHECK: ^bb0(%[[A:.*]]: f32, %[[B:.*]]: bf16, %[[ACC:.*]]: f32):
// CHECK-DAG:   %[[BW:.*]] = arith.extf %[[B]] : bf16 to f32
// CHECK-DAG:   %[[AN:.*]] = arith.truncf %[[A]] : f32 to bf16
// CHECK-DAG:   %[[AW:.*]] = arith.extf %[[AN]] : bf16 to f32
// CHECK:   %[[P:.*]] = arith.mulf %[[AW]], %[[BW]] : f32
// CHECK:   arith.addf %[[ACC]], %[[P]] : f32

// Without the option the activations are read as they are.
// WEIGHTS-LABEL: func.func @linear
// WEIGHTS: ^bb0(%[[A:.*]]: f32, %[[B:.*]]: bf16, %[[ACC:.*]]: f32):
// WEIGHTS-NOT: arith.truncf
// WEIGHTS:   %[[BW:.*]] = arith.extf %[[B]] : bf16 to f32
// WEIGHTS:   arith.mulf %[[A]], %[[BW]] : f32
func.func @linear(%x: tensor<4x16xf32>, %w: tensor<8x16xf32>,
                  %z: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %y = linalg.generic {indexing_maps = [#x, #w, #y],
                       iterator_types = ["parallel", "parallel", "reduction"],
                       s2s.weight_input = 1 : index}
      ins(%x, %w : tensor<4x16xf32>, tensor<8x16xf32>) outs(%z : tensor<4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// -----

// The weights first (input 0, as W x): the activations are input 1.

#w = affine_map<(i, j, k) -> (i, k)>
#x = affine_map<(i, j, k) -> (k, j)>
#y = affine_map<(i, j, k) -> (i, j)>

// CHECK-LABEL: func.func @weights_first
// CHECK: ^bb0(%[[B:.*]]: bf16, %[[A:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK-DAG:   %[[BW:.*]] = arith.extf %[[B]] : bf16 to f32
// CHECK-DAG:   %[[AN:.*]] = arith.truncf %[[A]] : f32 to bf16
// CHECK-DAG:   %[[AW:.*]] = arith.extf %[[AN]] : bf16 to f32
// CHECK:   arith.mulf %[[BW]], %[[AW]] : f32
func.func @weights_first(%w: tensor<8x16xf32>, %x: tensor<16x4xf32>,
                         %z: tensor<8x4xf32>) -> tensor<8x4xf32> {
  %y = linalg.generic {indexing_maps = [#w, #x, #y],
                       iterator_types = ["parallel", "parallel", "reduction"],
                       s2s.weight_input = 0 : index}
      ins(%w, %x : tensor<8x16xf32>, tensor<16x4xf32>) outs(%z : tensor<8x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<8x4xf32>
  return %y : tensor<8x4xf32>
}

// -----

// Limits: contractions of two activations (s2s.no_weights) keep both f32,
// rounded or not; an f64 contraction is left alone.

#x = affine_map<(i, j, k) -> (i, k)>
#w = affine_map<(i, j, k) -> (j, k)>
#y = affine_map<(i, j, k) -> (i, j)>

// CHECK-LABEL: func.func @two_activations
// CHECK-NOT: bf16
// CHECK: return
func.func @two_activations(%q: tensor<4x16xf32>, %k: tensor<8x16xf32>,
                           %z: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %y = linalg.generic {indexing_maps = [#x, #w, #y],
                       iterator_types = ["parallel", "parallel", "reduction"],
                       s2s.no_weights}
      ins(%q, %k : tensor<4x16xf32>, tensor<8x16xf32>) outs(%z : tensor<4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// CHECK-LABEL: func.func @f64
// CHECK-NOT: bf16
// CHECK: return
func.func @f64(%x: tensor<4x16xf64>, %w: tensor<8x16xf64>,
               %z: tensor<4x8xf64>) -> tensor<4x8xf64> {
  %y = linalg.generic {indexing_maps = [#x, #w, #y],
                       iterator_types = ["parallel", "parallel", "reduction"],
                       s2s.weight_input = 1 : index}
      ins(%x, %w : tensor<4x16xf64>, tensor<8x16xf64>) outs(%z : tensor<4x8xf64>) {
  ^bb0(%a: f64, %b: f64, %acc: f64):
    %p = arith.mulf %a, %b : f64
    %s = arith.addf %acc, %p : f64
    linalg.yield %s : f64
  } -> tensor<4x8xf64>
  return %y : tensor<4x8xf64>
}

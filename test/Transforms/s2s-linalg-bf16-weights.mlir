// RUN: s2s-opt %s --s2s-linalg-bf16-weights --split-input-file | FileCheck %s

// Weights passed as an argument: rounded to bf16 once at the start of the
// function, read by the contraction as bf16 and widened in its body. The
// other input and the result stay f32; the mark is gone.

#x = affine_map<(i, j, k) -> (i, k)>
#w = affine_map<(i, j, k) -> (j, k)>
#y = affine_map<(i, j, k) -> (i, j)>

// CHECK-LABEL: func.func @argument
// CHECK-SAME: (%[[X:.*]]: tensor<4x16xf32>, %[[W:.*]]: tensor<8x16xf32>
// CHECK: %[[E:.*]] = tensor.empty() : tensor<8x16xbf16>
// CHECK: %[[W16:.*]] = linalg.generic {{.*}} ins(%[[W]] : tensor<8x16xf32>) outs(%[[E]] : tensor<8x16xbf16>)
// CHECK: arith.truncf %{{.*}} : f32 to bf16
// CHECK: linalg.generic
// CHECK-NOT: s2s.weight_input
// CHECK-SAME: ins(%[[X]], %[[W16]] : tensor<4x16xf32>, tensor<8x16xbf16>)
// CHECK: ^bb0(%[[A:.*]]: f32, %[[B:.*]]: bf16, %[[ACC:.*]]: f32):
// CHECK:   %[[BW:.*]] = arith.extf %[[B]] : bf16 to f32
// CHECK:   %[[P:.*]] = arith.mulf %[[A]], %[[BW]] : f32
// CHECK:   arith.addf %[[ACC]], %[[P]] : f32
func.func @argument(%x: tensor<4x16xf32>, %w: tensor<8x16xf32>,
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

// Constant weights (bound at compile time) are rounded at compile time, to
// nearest even: 1 + 2^-8 is a tie and goes to 1, 1 + 3 * 2^-8 to
// 1 + 2^-6 (0x3F82), 1 + 2^-9 down to 1. No conversion runs.

#x = affine_map<(i, j, k) -> (i, k)>
#w = affine_map<(i, j, k) -> (j, k)>
#y = affine_map<(i, j, k) -> (i, j)>

// CHECK-LABEL: func.func @constant
// CHECK: %[[C:.*]] = arith.constant dense<{{\[\[}}1.000000e+00, 1.015630e+00, 1.000000e+00, 3.000000e+00]]> : tensor<1x4xbf16>
// CHECK-NOT: arith.truncf
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %[[C]] : tensor<2x4xf32>, tensor<1x4xbf16>)
func.func @constant(%x: tensor<2x4xf32>, %z: tensor<2x1xf32>) -> tensor<2x1xf32> {
  %w = arith.constant dense<[[1.00390625, 1.01171875, 1.001953125, 3.0]]> : tensor<1x4xf32>
  %y = linalg.generic {indexing_maps = [#x, #w, #y],
                       iterator_types = ["parallel", "parallel", "reduction"],
                       s2s.weight_input = 1 : index}
      ins(%x, %w : tensor<2x4xf32>, tensor<1x4xf32>) outs(%z : tensor<2x1xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x1xf32>
  return %y : tensor<2x1xf32>
}

// -----

// Weights read through a view inside a loop (a recurrent step's W_hh, one
// direction of a stacked weight): the tensor the view is taken of is
// converted once, before the loop, and the loop takes the same view of the
// bf16 tensor. Two views of one weight share the conversion.

#x = affine_map<(i, j, k) -> (i, k)>
#w = affine_map<(i, j, k) -> (j, k)>
#y = affine_map<(i, j, k) -> (i, j)>

// CHECK-LABEL: func.func @view_in_loop
// CHECK-SAME: %[[W:[^:]*]]: tensor<2x8x16xf32>
// CHECK: %[[W16:.*]] = linalg.generic {{.*}} ins(%[[W]] : tensor<2x8x16xf32>)
// CHECK: arith.truncf
// CHECK-NOT: arith.truncf
// CHECK: scf.for
// CHECK-NOT: arith.truncf
// CHECK:   %[[V:.*]] = tensor.extract_slice %[[W16]][0, 0, 0] [1, 8, 16] [1, 1, 1] : tensor<2x8x16xbf16> to tensor<8x16xbf16>
// CHECK:   linalg.generic {{.*}} ins(%{{.*}}, %[[V]] : tensor<4x16xf32>, tensor<8x16xbf16>)
// CHECK:   %[[V1:.*]] = tensor.extract_slice %[[W16]][1, 0, 0] [1, 8, 16] [1, 1, 1] : tensor<2x8x16xbf16> to tensor<8x16xbf16>
// CHECK:   linalg.generic {{.*}} ins(%{{.*}}, %[[V1]] : tensor<4x16xf32>, tensor<8x16xbf16>)
// CHECK-NOT: arith.truncf
func.func @view_in_loop(%x: tensor<4x16xf32>, %w: tensor<2x8x16xf32>,
                        %z: tensor<4x8xf32>, %n: index) -> tensor<4x8xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc0 = %z) -> tensor<4x8xf32> {
    %w0 = tensor.extract_slice %w[0, 0, 0] [1, 8, 16] [1, 1, 1] : tensor<2x8x16xf32> to tensor<8x16xf32>
    %y0 = linalg.generic {indexing_maps = [#x, #w, #y],
                         iterator_types = ["parallel", "parallel", "reduction"],
                         s2s.weight_input = 1 : index}
        ins(%x, %w0 : tensor<4x16xf32>, tensor<8x16xf32>) outs(%acc0 : tensor<4x8xf32>) {
    ^bb0(%a: f32, %b: f32, %acc: f32):
      %p = arith.mulf %a, %b : f32
      %s = arith.addf %acc, %p : f32
      linalg.yield %s : f32
    } -> tensor<4x8xf32>
    %w1 = tensor.extract_slice %w[1, 0, 0] [1, 8, 16] [1, 1, 1] : tensor<2x8x16xf32> to tensor<8x16xf32>
    %y1 = linalg.generic {indexing_maps = [#x, #w, #y],
                         iterator_types = ["parallel", "parallel", "reduction"],
                         s2s.weight_input = 1 : index}
        ins(%x, %w1 : tensor<4x16xf32>, tensor<8x16xf32>) outs(%y0 : tensor<4x8xf32>) {
    ^bb0(%a: f32, %b: f32, %acc: f32):
      %p = arith.mulf %a, %b : f32
      %s = arith.addf %acc, %p : f32
      linalg.yield %s : f32
    } -> tensor<4x8xf32>
    scf.yield %y1 : tensor<4x8xf32>
  }
  return %r : tensor<4x8xf32>
}

// -----

// Limits: an unmarked contraction (attention's q k^T reads two activations)
// stays f32, and so do weights that are not f32.

#x = affine_map<(i, j, k) -> (i, k)>
#w = affine_map<(i, j, k) -> (j, k)>
#y = affine_map<(i, j, k) -> (i, j)>

// CHECK-LABEL: func.func @left_alone
// CHECK-NOT: bf16
// CHECK-NOT: arith.truncf
// CHECK-NOT: s2s.weight_input
// CHECK: return
func.func @left_alone(%q: tensor<4x16xf32>, %k: tensor<8x16xf32>,
                      %z: tensor<4x8xf32>, %xd: tensor<4x16xf64>,
                      %wd: tensor<8x16xf64>, %zd: tensor<4x8xf64>)
    -> (tensor<4x8xf32>, tensor<4x8xf64>) {
  %s = linalg.generic {indexing_maps = [#x, #w, #y],
                       iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%q, %k : tensor<4x16xf32>, tensor<8x16xf32>) outs(%z : tensor<4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %p : f32
    linalg.yield %r : f32
  } -> tensor<4x8xf32>
  %d = linalg.generic {indexing_maps = [#x, #w, #y],
                       iterator_types = ["parallel", "parallel", "reduction"],
                       s2s.weight_input = 1 : index}
      ins(%xd, %wd : tensor<4x16xf64>, tensor<8x16xf64>) outs(%zd : tensor<4x8xf64>) {
  ^bb0(%a: f64, %b: f64, %acc: f64):
    %p = arith.mulf %a, %b : f64
    %r = arith.addf %acc, %p : f64
    linalg.yield %r : f64
  } -> tensor<4x8xf64>
  return %s, %d : tensor<4x8xf32>, tensor<4x8xf64>
}

// -----

// Constant weights that a copy rearranges (the fused recurrent step's W_hh
// in blocks of units): rounded at compile time, and the copy is made of
// the bf16 constant.

#x = affine_map<(i, j, k) -> (i, k)>
#w = affine_map<(i, j, k) -> (j, k)>
#y = affine_map<(i, j, k) -> (i, j)>
#id = affine_map<(i, j) -> (i, j)>
#t = affine_map<(i, j) -> (j, i)>

// CHECK-LABEL: func.func @rearranged_constant
// CHECK: %[[C:.*]] = arith.constant dense<{{.*}}> : tensor<2x4xbf16>
// CHECK-NOT: arith.truncf
// CHECK: %[[E:.*]] = tensor.empty() : tensor<4x2xbf16>
// CHECK: %[[T:.*]] = linalg.generic {{.*}} ins(%[[C]] : tensor<2x4xbf16>) outs(%[[E]] : tensor<4x2xbf16>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: bf16, %{{.*}}: bf16):
// CHECK-NEXT:   linalg.yield %[[IN]] : bf16
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %[[T]] : tensor<3x2xf32>, tensor<4x2xbf16>)
func.func @rearranged_constant(%x: tensor<3x2xf32>, %z: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %w = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]> : tensor<2x4xf32>
  %e = tensor.empty() : tensor<4x2xf32>
  %wt = linalg.generic {indexing_maps = [#t, #id],
                        iterator_types = ["parallel", "parallel"]}
      ins(%w : tensor<2x4xf32>) outs(%e : tensor<4x2xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4x2xf32>
  %y = linalg.generic {indexing_maps = [#x, #w, #y],
                       iterator_types = ["parallel", "parallel", "reduction"],
                       s2s.weight_input = 1 : index}
      ins(%x, %wt : tensor<3x2xf32>, tensor<4x2xf32>) outs(%z : tensor<3x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<3x4xf32>
  return %y : tensor<3x4xf32>
}

// -----

// Unmarked contractions whose weights are constants of the model (an
// imported graph's MatMul reads its initializer, here through a transpose):
// generalized, the constant rounded at compile time, the transpose made of
// it. A contraction of two activations, or of two constants, is left alone.

#x = affine_map<(i, j, k) -> (i, k)>
#w = affine_map<(i, j, k) -> (j, k)>
#y = affine_map<(i, j, k) -> (i, j)>

// CHECK-LABEL: func.func @imported_matmul
// CHECK-SAME: (%[[X:[^:]*]]: tensor<3x2xf32>, %[[Q:[^:]*]]: tensor<2x3x2xf32>, %[[K:[^:]*]]: tensor<2x2x3xf32>
// CHECK: %[[C:.*]] = arith.constant dense<{{.*}}> : tensor<4x2xbf16>
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2x4xbf16>
// CHECK: %[[T:.*]] = linalg.transpose ins(%[[C]] : tensor<4x2xbf16>) outs(%[[E]] : tensor<2x4xbf16>) permutation = [1, 0]
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[T]] : tensor<3x2xf32>, tensor<2x4xbf16>)
// CHECK: arith.extf
// CHECK: linalg.batch_matmul ins(%[[Q]], %[[K]] : tensor<2x3x2xf32>, tensor<2x2x3xf32>)
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<3x2xf32>, tensor<2x4xf32>)
func.func @imported_matmul(%x: tensor<3x2xf32>, %q: tensor<2x3x2xf32>,
                           %k: tensor<2x2x3xf32>)
    -> (tensor<3x4xf32>, tensor<2x3x3xf32>, tensor<3x4xf32>) {
  %w = arith.constant dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0]]> : tensor<4x2xf32>
  %e = tensor.empty() : tensor<2x4xf32>
  %wt = linalg.transpose ins(%w : tensor<4x2xf32>) outs(%e : tensor<2x4xf32>) permutation = [1, 0]
  %z = arith.constant dense<0.0> : tensor<3x4xf32>
  %y = linalg.matmul ins(%x, %wt : tensor<3x2xf32>, tensor<2x4xf32>) outs(%z : tensor<3x4xf32>) -> tensor<3x4xf32>
  %zs = arith.constant dense<0.0> : tensor<2x3x3xf32>
  %s = linalg.batch_matmul ins(%q, %k : tensor<2x3x2xf32>, tensor<2x2x3xf32>) outs(%zs : tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
  %a = arith.constant dense<1.0> : tensor<3x2xf32>
  %b = linalg.matmul ins(%a, %wt : tensor<3x2xf32>, tensor<2x4xf32>) outs(%z : tensor<3x4xf32>) -> tensor<3x4xf32>
  return %y, %s, %b : tensor<3x4xf32>, tensor<2x3x3xf32>, tensor<3x4xf32>
}

// -----

// Constant weights read through a broadcast (the importer's batched MatMul
// against a 2-D initializer) and a dense resource blob: both rounded at
// compile time. A splat constant is rounded once.

#b3 = affine_map<(b, i, j, k) -> (b, i, k)>
#w3 = affine_map<(b, i, j, k) -> (b, k, j)>
#y3 = affine_map<(b, i, j, k) -> (b, i, j)>

// CHECK-LABEL: func.func @broadcast_and_resource
// CHECK: %[[C:.*]] = arith.constant dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xbf16>
// CHECK: %[[E:.*]] = tensor.empty() : tensor<3x2x2xbf16>
// CHECK: %[[BC:.*]] = linalg.broadcast ins(%[[C]] : tensor<2x2xbf16>) outs(%[[E]] : tensor<3x2x2xbf16>) dimensions = [0]
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %[[BC]] : tensor<3x4x2xf32>, tensor<3x2x2xbf16>)
// CHECK: %[[R:.*]] = arith.constant dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xbf16>
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %[[R]] : tensor<4x2xf32>, tensor<2x2xbf16>)
// 1 + 2^-10 is below half a bf16 ulp above 1: it rounds to 1.
// CHECK: %[[S:.*]] = arith.constant dense<1.000000e+00> : tensor<2x2xbf16>
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %[[S]] : tensor<4x2xf32>, tensor<2x2xbf16>)
// CHECK-NOT: arith.truncf
func.func @broadcast_and_resource(%x: tensor<3x4x2xf32>, %x2: tensor<4x2xf32>)
    -> (tensor<3x4x2xf32>, tensor<4x2xf32>, tensor<4x2xf32>) {
  %w = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %e = tensor.empty() : tensor<3x2x2xf32>
  %wb = linalg.broadcast ins(%w : tensor<2x2xf32>) outs(%e : tensor<3x2x2xf32>) dimensions = [0]
  %z = arith.constant dense<0.0> : tensor<3x4x2xf32>
  %y = linalg.batch_matmul ins(%x, %wb : tensor<3x4x2xf32>, tensor<3x2x2xf32>) outs(%z : tensor<3x4x2xf32>) -> tensor<3x4x2xf32>
  %r = arith.constant dense_resource<weights> : tensor<2x2xf32>
  %z2 = arith.constant dense<0.0> : tensor<4x2xf32>
  %y2 = linalg.matmul ins(%x2, %r : tensor<4x2xf32>, tensor<2x2xf32>) outs(%z2 : tensor<4x2xf32>) -> tensor<4x2xf32>
  %sp = arith.constant dense<1.0009765625> : tensor<2x2xf32>
  %y3 = linalg.matmul ins(%x2, %sp : tensor<4x2xf32>, tensor<2x2xf32>) outs(%z2 : tensor<4x2xf32>) -> tensor<4x2xf32>
  return %y, %y2, %y3 : tensor<3x4x2xf32>, tensor<4x2xf32>, tensor<4x2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      weights: "0x040000000000803F000000400000404000008040"
    }
  }
#-}

// -----

// Limits: weights that a loop carries as an iteration argument are
// converted in the loop's body, at each iteration; a contraction the
// lowering marked as reading two activations (s2s.no_weights) stays f32
// even when one of them is a constant (keys bound at compile time), and
// loses its mark.

#x = affine_map<(i, j, k) -> (i, k)>
#w = affine_map<(i, j, k) -> (j, k)>
#y = affine_map<(i, j, k) -> (i, j)>

// CHECK-LABEL: func.func @limits
// CHECK: scf.for {{.*}} iter_args(%[[WA:[^ ]*]] = %{{[^,]*}}, %[[ACC:[^ ]*]] = %{{[^)]*}})
// CHECK:   %[[W16:.*]] = linalg.generic {{.*}} ins(%[[WA]] : tensor<8x16xf32>)
// CHECK:   arith.truncf
// CHECK:   linalg.generic {{.*}} ins(%{{.*}}, %[[W16]] : tensor<4x16xf32>, tensor<8x16xbf16>)
// CHECK: linalg.generic
// CHECK-NOT: s2s.no_weights
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<4x16xf32>, tensor<8x16xf32>)
func.func @limits(%x: tensor<4x16xf32>, %w: tensor<8x16xf32>,
                  %z: tensor<4x8xf32>, %n: index)
    -> (tensor<4x8xf32>, tensor<4x8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r:2 = scf.for %i = %c0 to %n step %c1 iter_args(%wa = %w, %acc = %z)
      -> (tensor<8x16xf32>, tensor<4x8xf32>) {
    %y = linalg.generic {indexing_maps = [#x, #w, #y],
                         iterator_types = ["parallel", "parallel", "reduction"],
                         s2s.weight_input = 1 : index}
        ins(%x, %wa : tensor<4x16xf32>, tensor<8x16xf32>) outs(%acc : tensor<4x8xf32>) {
    ^bb0(%a: f32, %b: f32, %o: f32):
      %p = arith.mulf %a, %b : f32
      %s = arith.addf %o, %p : f32
      linalg.yield %s : f32
    } -> tensor<4x8xf32>
    scf.yield %wa, %y : tensor<8x16xf32>, tensor<4x8xf32>
  }
  %k = arith.constant dense<0.5> : tensor<8x16xf32>
  %s = linalg.generic {indexing_maps = [#x, #w, #y],
                       iterator_types = ["parallel", "parallel", "reduction"],
                       s2s.no_weights}
      ins(%x, %k : tensor<4x16xf32>, tensor<8x16xf32>) outs(%z : tensor<4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %p = arith.mulf %a, %b : f32
    %t = arith.addf %o, %p : f32
    linalg.yield %t : f32
  } -> tensor<4x8xf32>
  return %r#1, %s : tensor<4x8xf32>, tensor<4x8xf32>
}

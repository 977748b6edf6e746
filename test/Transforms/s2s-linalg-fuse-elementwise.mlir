// RUN: s2s-opt %s --s2s-linalg-fuse-elementwise -split-input-file | FileCheck %s

#id = affine_map<(i, j) -> (i, j)>
#row = affine_map<(i, j) -> (j)>
#nt_a = affine_map<(i, j, k) -> (i, k)>
#nt_b = affine_map<(i, j, k) -> (j, k)>
#nt_c = affine_map<(i, j, k) -> (i, j)>

/// Bias add -> relu with a splat zero tensor: one generic, the zero a
/// scalar in its body. The contraction before them keeps its plain
/// multiply-add body and stays a separate op.
// CHECK-LABEL: func.func @bias_relu(
// CHECK:         %[[Y:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "reduction"]
// CHECK:           arith.mulf
// CHECK-NEXT:      arith.addf
// CHECK-NEXT:      linalg.yield
// CHECK:         %[[R:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "parallel"]} ins(%[[Y]], %{{.+}} : tensor<4x8xf32>, tensor<8xf32>)
// CHECK:           %[[S:.+]] = arith.addf
// CHECK-NEXT:      %[[M:.+]] = arith.maximumf %[[S]], %{{.+}} : f32
// CHECK-NEXT:      linalg.yield %[[M]]
// CHECK-NOT:     linalg.generic
// CHECK:         return %[[R]]
func.func @bias_relu(%x: tensor<4x16xf32>, %w: tensor<8x16xf32>,
                     %bias: tensor<8xf32>) -> tensor<4x8xf32> {
  %e = tensor.empty() : tensor<4x8xf32>
  %c0 = arith.constant 0.0 : f32
  %init = linalg.fill ins(%c0 : f32) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  %y = linalg.generic {indexing_maps = [#nt_a, #nt_b, #nt_c],
                       iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : tensor<4x16xf32>, tensor<8x16xf32>) outs(%init : tensor<4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %s = arith.addf %c, %m : f32
    linalg.yield %s : f32
  } -> tensor<4x8xf32>
  %biased = linalg.generic {indexing_maps = [#id, #row, #id],
                            iterator_types = ["parallel", "parallel"]}
      ins(%y, %bias : tensor<4x8xf32>, tensor<8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %s = arith.addf %a, %b : f32
    linalg.yield %s : f32
  } -> tensor<4x8xf32>
  %zero = arith.constant dense<0.0> : tensor<4x8xf32>
  %relu = linalg.generic {indexing_maps = [#id, #id, #id],
                          iterator_types = ["parallel", "parallel"]}
      ins(%biased, %zero : tensor<4x8xf32>, tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.maximumf %a, %b : f32
    linalg.yield %m : f32
  } -> tensor<4x8xf32>
  return %relu : tensor<4x8xf32>
}

// -----

#id = affine_map<(i, j) -> (i, j)>
#rowsum = affine_map<(i, j) -> (i)>

/// Left alone: a producer with two users (fusing would compute it twice),
/// and a reduction consumer.
// CHECK-LABEL: func.func @negative_shared_and_reduction(
// CHECK:         %[[E:.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "parallel"]
// CHECK:           math.exp
// CHECK:         linalg.generic {{.+}} iterator_types = ["parallel", "reduction"]} ins(%[[E]]
// CHECK:         linalg.generic {{.+}} iterator_types = ["parallel", "parallel"]} ins(%[[E]]
func.func @negative_shared_and_reduction(%x: tensor<4x8xf32>)
    -> (tensor<4xf32>, tensor<4x8xf32>) {
  %e = tensor.empty() : tensor<4x8xf32>
  %exp = linalg.generic {indexing_maps = [#id, #id],
                         iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%a: f32, %c: f32):
    %v = math.exp %a : f32
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  %z = arith.constant 0.0 : f32
  %e1 = tensor.empty() : tensor<4xf32>
  %init = linalg.fill ins(%z : f32) outs(%e1 : tensor<4xf32>) -> tensor<4xf32>
  %sum = linalg.generic {indexing_maps = [#id, #rowsum],
                         iterator_types = ["parallel", "reduction"]}
      ins(%exp : tensor<4x8xf32>) outs(%init : tensor<4xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %s = arith.addf %a, %acc : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  %twice = linalg.generic {indexing_maps = [#id, #id],
                           iterator_types = ["parallel", "parallel"]}
      ins(%exp : tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%a: f32, %c: f32):
    %v = arith.addf %a, %a : f32
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  return %sum, %twice : tensor<4xf32>, tensor<4x8xf32>
}

// -----

#id1 = affine_map<(i) -> (i)>
#col = affine_map<(i, j) -> (j)>
#id = affine_map<(i, j) -> (i, j)>

/// A producer that reads its output (a running maximum updated in place, as
/// tiled attention keeps it) is not fused into a consumer of more loops:
/// there it would read the maximum it had already updated.
// CHECK-LABEL: func.func @negative_reads_its_output(
// CHECK:         %[[M:.+]] = linalg.generic {{.+}} iterator_types = ["parallel"]}
// CHECK:         linalg.generic {{.+}} ins(%{{.+}}, %[[M]] :
func.func @negative_reads_its_output(%m: tensor<8xf32>, %blockmax: tensor<8xf32>,
                                     %s: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %mnew = linalg.generic {indexing_maps = [#id1, #id1],
                          iterator_types = ["parallel"]}
      ins(%blockmax : tensor<8xf32>) outs(%m : tensor<8xf32>) {
  ^bb0(%b: f32, %old: f32):
    %v = arith.maximumf %old, %b : f32
    linalg.yield %v : f32
  } -> tensor<8xf32>
  %e = tensor.empty() : tensor<4x8xf32>
  %p = linalg.generic {indexing_maps = [#id, #col, #id],
                       iterator_types = ["parallel", "parallel"]}
      ins(%s, %mnew : tensor<4x8xf32>, tensor<8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %d = arith.subf %a, %b : f32
    %v = math.exp %d : f32
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  return %p : tensor<4x8xf32>
}

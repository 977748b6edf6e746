// RUN: s2s-opt %s --s2s-raise-attention -split-input-file | FileCheck %s

/// The attention core of an exported torch 1.13 nn.MultiheadAttention as the
/// ONNX importer writes it: q / sqrt(hd) by a rank-0 constant on [B*H, S, hd],
/// batch_matmul with linalg.transpose of k, an additive [S, S] mask,
/// linalg.softmax, batch_matmul with v. Raised on [1, B*H, S, hd] with
/// scale 1/4 and the mask as is; the transpose is looked through.
// CHECK-LABEL: func.func @mha_onnx(
// CHECK:    %[[Q:[a-zA-Z0-9_]+]]: tensor<8x5x16xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<8x5x16xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<8x5x16xf32>, %[[M:[a-zA-Z0-9_]+]]: tensor<5x5xf32>)
// CHECK-DAG:     %[[Q4:.+]] = tensor.expand_shape %[[Q]] {{\[\[}}0, 1], [2], [3]] output_shape [1, 8, 5, 16] : tensor<8x5x16xf32> into tensor<1x8x5x16xf32>
// CHECK-DAG:     %[[K4:.+]] = tensor.expand_shape %[[K]] {{\[\[}}0, 1], [2], [3]]
// CHECK-DAG:     %[[V4:.+]] = tensor.expand_shape %[[V]] {{\[\[}}0, 1], [2], [3]]
// CHECK:         %[[O:.+]] = s2s.scaled_dot_product_attention %[[Q4]], %[[K4]], %[[V4]] mask(%[[M]]) scale(2.500000e-01) : (tensor<1x8x5x16xf32>, tensor<1x8x5x16xf32>, tensor<1x8x5x16xf32>, tensor<5x5xf32>) -> tensor<1x8x5x16xf32>
// CHECK:         %[[R:.+]] = tensor.collapse_shape %[[O]] {{\[\[}}0, 1], [2], [3]] : tensor<1x8x5x16xf32> into tensor<8x5x16xf32>
// CHECK-NOT:     linalg.
// CHECK:         return %[[R]]
func.func @mha_onnx(%q: tensor<8x5x16xf32>, %k: tensor<8x5x16xf32>, %v: tensor<8x5x16xf32>, %mask: tensor<5x5xf32>)
    -> tensor<8x5x16xf32> {
  %cst1 = arith.constant dense<4.0> : tensor<f32>
  %empty2 = tensor.empty() : tensor<8x5x16xf32>
  %ew3 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> ()>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%q, %cst1 : tensor<8x5x16xf32>, tensor<f32>) outs(%empty2 : tensor<8x5x16xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %r = arith.divf %in0, %in1 : f32
    linalg.yield %r : f32
  } -> tensor<8x5x16xf32>
  %empty4 = tensor.empty() : tensor<8x16x5xf32>
  %tr5 = linalg.transpose ins(%k : tensor<8x5x16xf32>) outs(%empty4 : tensor<8x16x5xf32>) permutation = [0, 2, 1]
  %cst6 = arith.constant 0.0 : f32
  %empty7 = tensor.empty() : tensor<8x5x5xf32>
  %fill8 = linalg.fill ins(%cst6 : f32) outs(%empty7 : tensor<8x5x5xf32>) -> tensor<8x5x5xf32>
  %mm9 = linalg.batch_matmul ins(%ew3, %tr5 : tensor<8x5x16xf32>, tensor<8x16x5xf32>) outs(%fill8 : tensor<8x5x5xf32>) -> tensor<8x5x5xf32>
  %empty10 = tensor.empty() : tensor<8x5x5xf32>
  %ew11 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%mm9, %mask : tensor<8x5x5xf32>, tensor<5x5xf32>) outs(%empty10 : tensor<8x5x5xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %r = arith.addf %in0, %in1 : f32
    linalg.yield %r : f32
  } -> tensor<8x5x5xf32>
  %empty12 = tensor.empty() : tensor<8x5x5xf32>
  %sm13 = linalg.softmax dimension(2) ins(%ew11 : tensor<8x5x5xf32>) outs(%empty12 : tensor<8x5x5xf32>) -> tensor<8x5x5xf32>
  %cst14 = arith.constant 0.0 : f32
  %empty15 = tensor.empty() : tensor<8x5x16xf32>
  %fill16 = linalg.fill ins(%cst14 : f32) outs(%empty15 : tensor<8x5x16xf32>) -> tensor<8x5x16xf32>
  %mm17 = linalg.batch_matmul ins(%sm13, %v : tensor<8x5x5xf32>, tensor<8x5x16xf32>) outs(%fill16 : tensor<8x5x16xf32>) -> tensor<8x5x16xf32>
  return %mm17 : tensor<8x5x16xf32>
}

// -----

/// [B, H, T, D] contractions as linalg.generic (K indexed transposed), the
/// scale a constant in the body, an additive key-padding mask [B, 1, 1, Tk]
/// read with constant-0 map results.
// CHECK-LABEL: func.func @rank4_generic(
// CHECK:    %[[Q:[a-zA-Z0-9_]+]]: tensor<2x4x5x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>, %[[M:[a-zA-Z0-9_]+]]: tensor<2x1x1x7xf32>)
// CHECK:         %[[O:.+]] = s2s.scaled_dot_product_attention %[[Q]], %[[K]], %[[V]] mask(%[[M]]) scale(0.30000001192092896) :
// CHECK-NOT:     linalg.
// CHECK:         return %[[O]]
func.func @rank4_generic(%q: tensor<2x4x5x8xf32>, %k: tensor<2x4x7x8xf32>, %v: tensor<2x4x7x8xf32>, %mask: tensor<2x1x1x7xf32>)
    -> tensor<2x4x5x8xf32> {
  %cst1 = arith.constant 0.0 : f32
  %empty2 = tensor.empty() : tensor<2x4x5x7xf32>
  %fill3 = linalg.fill ins(%cst1 : f32) outs(%empty2 : tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %mm4 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>) outs(%fill3 : tensor<2x4x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x5x7xf32>
  %empty5 = tensor.empty() : tensor<2x4x5x7xf32>
  %ew6 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%mm4 : tensor<2x4x5x7xf32>) outs(%empty5 : tensor<2x4x5x7xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %c = arith.constant 0.3 : f32
    %r = arith.mulf %in0, %c : f32
    linalg.yield %r : f32
  } -> tensor<2x4x5x7xf32>
  %empty7 = tensor.empty() : tensor<2x4x5x7xf32>
  %ew8 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, 0, 0, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ew6, %mask : tensor<2x4x5x7xf32>, tensor<2x1x1x7xf32>) outs(%empty7 : tensor<2x4x5x7xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %r = arith.addf %in0, %in1 : f32
    linalg.yield %r : f32
  } -> tensor<2x4x5x7xf32>
  %empty9 = tensor.empty() : tensor<2x4x5x7xf32>
  %sm10 = linalg.softmax dimension(3) ins(%ew8 : tensor<2x4x5x7xf32>) outs(%empty9 : tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %cst11 = arith.constant 0.0 : f32
  %empty12 = tensor.empty() : tensor<2x4x5x8xf32>
  %fill13 = linalg.fill ins(%cst11 : f32) outs(%empty12 : tensor<2x4x5x8xf32>) -> tensor<2x4x5x8xf32>
  %mm14 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm10, %v : tensor<2x4x5x7xf32>, tensor<2x4x7x8xf32>) outs(%fill13 : tensor<2x4x5x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x5x8xf32>
  return %mm14 : tensor<2x4x5x8xf32>
}

// -----

/// A mask [B, Tk] read as (d0, d3): unit dimensions are inserted to give the
/// SDPA mask [B, 1, 1, Tk]. Division by a constant gives scale 1/c.
// CHECK-LABEL: func.func @mask_missing_dims(
// CHECK:    %[[Q:[a-zA-Z0-9_]+]]: tensor<2x4x5x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>, %[[M:[a-zA-Z0-9_]+]]: tensor<2x7xf32>)
// CHECK:         %[[M4:.+]] = tensor.expand_shape %[[M]] {{\[\[}}0], [1, 2, 3]] output_shape [2, 1, 1, 7] : tensor<2x7xf32> into tensor<2x1x1x7xf32>
// CHECK:         %[[O:.+]] = s2s.scaled_dot_product_attention %[[Q]], %[[K]], %[[V]] mask(%[[M4]]) scale(1.250000e-01) :
// CHECK:         return %[[O]]
func.func @mask_missing_dims(%q: tensor<2x4x5x8xf32>, %k: tensor<2x4x7x8xf32>, %v: tensor<2x4x7x8xf32>, %mask: tensor<2x7xf32>)
    -> tensor<2x4x5x8xf32> {
  %cst1 = arith.constant 0.0 : f32
  %empty2 = tensor.empty() : tensor<2x4x5x7xf32>
  %fill3 = linalg.fill ins(%cst1 : f32) outs(%empty2 : tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %mm4 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>) outs(%fill3 : tensor<2x4x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x5x7xf32>
  %empty5 = tensor.empty() : tensor<2x4x5x7xf32>
  %ew6 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%mm4 : tensor<2x4x5x7xf32>) outs(%empty5 : tensor<2x4x5x7xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %c = arith.constant 8.0 : f32
    %r = arith.divf %in0, %c : f32
    linalg.yield %r : f32
  } -> tensor<2x4x5x7xf32>
  %empty7 = tensor.empty() : tensor<2x4x5x7xf32>
  %ew8 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ew6, %mask : tensor<2x4x5x7xf32>, tensor<2x7xf32>) outs(%empty7 : tensor<2x4x5x7xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %r = arith.addf %in0, %in1 : f32
    linalg.yield %r : f32
  } -> tensor<2x4x5x7xf32>
  %empty9 = tensor.empty() : tensor<2x4x5x7xf32>
  %sm10 = linalg.softmax dimension(3) ins(%ew8 : tensor<2x4x5x7xf32>) outs(%empty9 : tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %cst11 = arith.constant 0.0 : f32
  %empty12 = tensor.empty() : tensor<2x4x5x8xf32>
  %fill13 = linalg.fill ins(%cst11 : f32) outs(%empty12 : tensor<2x4x5x8xf32>) -> tensor<2x4x5x8xf32>
  %mm14 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm10, %v : tensor<2x4x5x7xf32>, tensor<2x4x7x8xf32>) outs(%fill13 : tensor<2x4x5x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x5x8xf32>
  return %mm14 : tensor<2x4x5x8xf32>
}

// -----

/// Left alone: the mask is read transposed ([Tk, Tq] as (d3, d2)), which the
/// SDPA mask cannot express.
// CHECK-LABEL: func.func @mask_transposed(
// CHECK-NOT: s2s.scaled_dot_product_attention
// CHECK: linalg.softmax
func.func @mask_transposed(%q: tensor<2x4x5x8xf32>, %k: tensor<2x4x7x8xf32>, %v: tensor<2x4x7x8xf32>, %mask: tensor<7x5xf32>)
    -> tensor<2x4x5x8xf32> {
  %cst1 = arith.constant 0.0 : f32
  %empty2 = tensor.empty() : tensor<2x4x5x7xf32>
  %fill3 = linalg.fill ins(%cst1 : f32) outs(%empty2 : tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %mm4 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>) outs(%fill3 : tensor<2x4x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x5x7xf32>
  %empty5 = tensor.empty() : tensor<2x4x5x7xf32>
  %ew6 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%mm4 : tensor<2x4x5x7xf32>) outs(%empty5 : tensor<2x4x5x7xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %c = arith.constant 0.3 : f32
    %r = arith.mulf %in0, %c : f32
    linalg.yield %r : f32
  } -> tensor<2x4x5x7xf32>
  %empty7 = tensor.empty() : tensor<2x4x5x7xf32>
  %ew8 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d3, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ew6, %mask : tensor<2x4x5x7xf32>, tensor<7x5xf32>) outs(%empty7 : tensor<2x4x5x7xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %r = arith.addf %in0, %in1 : f32
    linalg.yield %r : f32
  } -> tensor<2x4x5x7xf32>
  %empty9 = tensor.empty() : tensor<2x4x5x7xf32>
  %sm10 = linalg.softmax dimension(3) ins(%ew8 : tensor<2x4x5x7xf32>) outs(%empty9 : tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %cst11 = arith.constant 0.0 : f32
  %empty12 = tensor.empty() : tensor<2x4x5x8xf32>
  %fill13 = linalg.fill ins(%cst11 : f32) outs(%empty12 : tensor<2x4x5x8xf32>) -> tensor<2x4x5x8xf32>
  %mm14 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm10, %v : tensor<2x4x5x7xf32>, tensor<2x4x7x8xf32>) outs(%fill13 : tensor<2x4x5x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x5x8xf32>
  return %mm14 : tensor<2x4x5x8xf32>
}

// -----

/// Left alone: (scores + mask) * c scales the mask too.
// CHECK-LABEL: func.func @mask_before_scale(
// CHECK-NOT: s2s.scaled_dot_product_attention
// CHECK: linalg.softmax
func.func @mask_before_scale(%q: tensor<2x4x5x8xf32>, %k: tensor<2x4x7x8xf32>, %v: tensor<2x4x7x8xf32>, %mask: tensor<2x1x1x7xf32>)
    -> tensor<2x4x5x8xf32> {
  %cst1 = arith.constant 0.0 : f32
  %empty2 = tensor.empty() : tensor<2x4x5x7xf32>
  %fill3 = linalg.fill ins(%cst1 : f32) outs(%empty2 : tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %mm4 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>) outs(%fill3 : tensor<2x4x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x5x7xf32>
  %empty5 = tensor.empty() : tensor<2x4x5x7xf32>
  %ew6 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, 0, 0, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%mm4, %mask : tensor<2x4x5x7xf32>, tensor<2x1x1x7xf32>) outs(%empty5 : tensor<2x4x5x7xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %r = arith.addf %in0, %in1 : f32
    linalg.yield %r : f32
  } -> tensor<2x4x5x7xf32>
  %empty7 = tensor.empty() : tensor<2x4x5x7xf32>
  %ew8 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ew6 : tensor<2x4x5x7xf32>) outs(%empty7 : tensor<2x4x5x7xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %c = arith.constant 0.3 : f32
    %r = arith.mulf %in0, %c : f32
    linalg.yield %r : f32
  } -> tensor<2x4x5x7xf32>
  %empty9 = tensor.empty() : tensor<2x4x5x7xf32>
  %sm10 = linalg.softmax dimension(3) ins(%ew8 : tensor<2x4x5x7xf32>) outs(%empty9 : tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %cst11 = arith.constant 0.0 : f32
  %empty12 = tensor.empty() : tensor<2x4x5x8xf32>
  %fill13 = linalg.fill ins(%cst11 : f32) outs(%empty12 : tensor<2x4x5x8xf32>) -> tensor<2x4x5x8xf32>
  %mm14 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm10, %v : tensor<2x4x5x7xf32>, tensor<2x4x7x8xf32>) outs(%fill13 : tensor<2x4x5x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x5x8xf32>
  return %mm14 : tensor<2x4x5x8xf32>
}

// -----

/// Left alone: the scores are multiplied by a function argument.
// CHECK-LABEL: func.func @scale_not_constant(
// CHECK-NOT: s2s.scaled_dot_product_attention
// CHECK: linalg.softmax
func.func @scale_not_constant(%q: tensor<2x4x5x8xf32>, %k: tensor<2x4x7x8xf32>, %v: tensor<2x4x7x8xf32>, %c: tensor<f32>)
    -> tensor<2x4x5x8xf32> {
  %cst1 = arith.constant 0.0 : f32
  %empty2 = tensor.empty() : tensor<2x4x5x7xf32>
  %fill3 = linalg.fill ins(%cst1 : f32) outs(%empty2 : tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %mm4 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>) outs(%fill3 : tensor<2x4x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x5x7xf32>
  %empty5 = tensor.empty() : tensor<2x4x5x7xf32>
  %ew6 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> ()>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%mm4, %c : tensor<2x4x5x7xf32>, tensor<f32>) outs(%empty5 : tensor<2x4x5x7xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %r = arith.mulf %in0, %in1 : f32
    linalg.yield %r : f32
  } -> tensor<2x4x5x7xf32>
  %empty7 = tensor.empty() : tensor<2x4x5x7xf32>
  %sm8 = linalg.softmax dimension(3) ins(%ew6 : tensor<2x4x5x7xf32>) outs(%empty7 : tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %cst9 = arith.constant 0.0 : f32
  %empty10 = tensor.empty() : tensor<2x4x5x8xf32>
  %fill11 = linalg.fill ins(%cst9 : f32) outs(%empty10 : tensor<2x4x5x8xf32>) -> tensor<2x4x5x8xf32>
  %mm12 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm8, %v : tensor<2x4x5x7xf32>, tensor<2x4x7x8xf32>) outs(%fill11 : tensor<2x4x5x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x5x8xf32>
  return %mm12 : tensor<2x4x5x8xf32>
}

// -----

/// Left alone: the softmax normalizes over the queries (dimension 2).
// CHECK-LABEL: func.func @softmax_not_last(
// CHECK-NOT: s2s.scaled_dot_product_attention
// CHECK: linalg.softmax dimension(2)
func.func @softmax_not_last(%q: tensor<2x4x5x8xf32>, %k: tensor<2x4x7x8xf32>, %v: tensor<2x4x7x8xf32>)
    -> tensor<2x4x5x8xf32> {
  %cst1 = arith.constant 0.0 : f32
  %empty2 = tensor.empty() : tensor<2x4x5x7xf32>
  %fill3 = linalg.fill ins(%cst1 : f32) outs(%empty2 : tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %mm4 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>) outs(%fill3 : tensor<2x4x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x5x7xf32>
  %empty5 = tensor.empty() : tensor<2x4x5x7xf32>
  %ew6 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%mm4 : tensor<2x4x5x7xf32>) outs(%empty5 : tensor<2x4x5x7xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %c = arith.constant 0.3 : f32
    %r = arith.mulf %in0, %c : f32
    linalg.yield %r : f32
  } -> tensor<2x4x5x7xf32>
  %empty7 = tensor.empty() : tensor<2x4x5x7xf32>
  %sm8 = linalg.softmax dimension(2) ins(%ew6 : tensor<2x4x5x7xf32>) outs(%empty7 : tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %cst9 = arith.constant 0.0 : f32
  %empty10 = tensor.empty() : tensor<2x4x5x8xf32>
  %fill11 = linalg.fill ins(%cst9 : f32) outs(%empty10 : tensor<2x4x5x8xf32>) -> tensor<2x4x5x8xf32>
  %mm12 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm8, %v : tensor<2x4x5x7xf32>, tensor<2x4x7x8xf32>) outs(%fill11 : tensor<2x4x5x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x5x8xf32>
  return %mm12 : tensor<2x4x5x8xf32>
}

// -----

/// Left alone: the second contraction sums over the query dimension of P.
// CHECK-LABEL: func.func @contraction_misaligned(
// CHECK-NOT: s2s.scaled_dot_product_attention
// CHECK: linalg.softmax
func.func @contraction_misaligned(%q: tensor<2x4x5x8xf32>, %k: tensor<2x4x7x8xf32>, %v: tensor<2x4x5x8xf32>)
    -> tensor<2x4x7x8xf32> {
  %cst1 = arith.constant 0.0 : f32
  %empty2 = tensor.empty() : tensor<2x4x5x7xf32>
  %fill3 = linalg.fill ins(%cst1 : f32) outs(%empty2 : tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %mm4 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>) outs(%fill3 : tensor<2x4x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x5x7xf32>
  %empty5 = tensor.empty() : tensor<2x4x5x7xf32>
  %ew6 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%mm4 : tensor<2x4x5x7xf32>) outs(%empty5 : tensor<2x4x5x7xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %c = arith.constant 0.3 : f32
    %r = arith.mulf %in0, %c : f32
    linalg.yield %r : f32
  } -> tensor<2x4x5x7xf32>
  %empty7 = tensor.empty() : tensor<2x4x5x7xf32>
  %sm8 = linalg.softmax dimension(3) ins(%ew6 : tensor<2x4x5x7xf32>) outs(%empty7 : tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %cst9 = arith.constant 0.0 : f32
  %empty10 = tensor.empty() : tensor<2x4x7x8xf32>
  %fill11 = linalg.fill ins(%cst9 : f32) outs(%empty10 : tensor<2x4x7x8xf32>) -> tensor<2x4x7x8xf32>
  %mm12 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d2)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm8, %v : tensor<2x4x5x7xf32>, tensor<2x4x5x8xf32>) outs(%fill11 : tensor<2x4x7x8xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %p = arith.mulf %a, %bb : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x7x8xf32>
  return %mm12 : tensor<2x4x7x8xf32>
}

// -----

/// Left alone: the scores are also returned; the SDPA would not produce them.
// CHECK-LABEL: func.func @scores_used_twice(
// CHECK-NOT: s2s.scaled_dot_product_attention
// CHECK: linalg.softmax
func.func @scores_used_twice(%q: tensor<8x5x16xf32>, %k: tensor<8x5x16xf32>, %v: tensor<8x5x16xf32>, %mask: tensor<5x5xf32>)
    -> (tensor<8x5x16xf32>, tensor<8x5x5xf32>) {
  %cst1 = arith.constant dense<4.0> : tensor<f32>
  %empty2 = tensor.empty() : tensor<8x5x16xf32>
  %ew3 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> ()>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%q, %cst1 : tensor<8x5x16xf32>, tensor<f32>) outs(%empty2 : tensor<8x5x16xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %r = arith.divf %in0, %in1 : f32
    linalg.yield %r : f32
  } -> tensor<8x5x16xf32>
  %empty4 = tensor.empty() : tensor<8x16x5xf32>
  %tr5 = linalg.transpose ins(%k : tensor<8x5x16xf32>) outs(%empty4 : tensor<8x16x5xf32>) permutation = [0, 2, 1]
  %cst6 = arith.constant 0.0 : f32
  %empty7 = tensor.empty() : tensor<8x5x5xf32>
  %fill8 = linalg.fill ins(%cst6 : f32) outs(%empty7 : tensor<8x5x5xf32>) -> tensor<8x5x5xf32>
  %mm9 = linalg.batch_matmul ins(%ew3, %tr5 : tensor<8x5x16xf32>, tensor<8x16x5xf32>) outs(%fill8 : tensor<8x5x5xf32>) -> tensor<8x5x5xf32>
  %empty10 = tensor.empty() : tensor<8x5x5xf32>
  %ew11 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%mm9, %mask : tensor<8x5x5xf32>, tensor<5x5xf32>) outs(%empty10 : tensor<8x5x5xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %r = arith.addf %in0, %in1 : f32
    linalg.yield %r : f32
  } -> tensor<8x5x5xf32>
  %empty12 = tensor.empty() : tensor<8x5x5xf32>
  %sm13 = linalg.softmax dimension(2) ins(%ew11 : tensor<8x5x5xf32>) outs(%empty12 : tensor<8x5x5xf32>) -> tensor<8x5x5xf32>
  %cst14 = arith.constant 0.0 : f32
  %empty15 = tensor.empty() : tensor<8x5x16xf32>
  %fill16 = linalg.fill ins(%cst14 : f32) outs(%empty15 : tensor<8x5x16xf32>) -> tensor<8x5x16xf32>
  %mm17 = linalg.batch_matmul ins(%sm13, %v : tensor<8x5x5xf32>, tensor<8x5x16xf32>) outs(%fill16 : tensor<8x5x16xf32>) -> tensor<8x5x16xf32>
  return %mm17, %mm9 : tensor<8x5x16xf32>, tensor<8x5x5xf32>
}

// -----

/// Left alone: the probabilities are also returned.
// CHECK-LABEL: func.func @probs_used_twice(
// CHECK-NOT: s2s.scaled_dot_product_attention
// CHECK: linalg.softmax
func.func @probs_used_twice(%q: tensor<8x5x16xf32>, %k: tensor<8x5x16xf32>, %v: tensor<8x5x16xf32>, %mask: tensor<5x5xf32>)
    -> (tensor<8x5x16xf32>, tensor<8x5x5xf32>) {
  %cst1 = arith.constant dense<4.0> : tensor<f32>
  %empty2 = tensor.empty() : tensor<8x5x16xf32>
  %ew3 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> ()>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%q, %cst1 : tensor<8x5x16xf32>, tensor<f32>) outs(%empty2 : tensor<8x5x16xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %r = arith.divf %in0, %in1 : f32
    linalg.yield %r : f32
  } -> tensor<8x5x16xf32>
  %empty4 = tensor.empty() : tensor<8x16x5xf32>
  %tr5 = linalg.transpose ins(%k : tensor<8x5x16xf32>) outs(%empty4 : tensor<8x16x5xf32>) permutation = [0, 2, 1]
  %cst6 = arith.constant 0.0 : f32
  %empty7 = tensor.empty() : tensor<8x5x5xf32>
  %fill8 = linalg.fill ins(%cst6 : f32) outs(%empty7 : tensor<8x5x5xf32>) -> tensor<8x5x5xf32>
  %mm9 = linalg.batch_matmul ins(%ew3, %tr5 : tensor<8x5x16xf32>, tensor<8x16x5xf32>) outs(%fill8 : tensor<8x5x5xf32>) -> tensor<8x5x5xf32>
  %empty10 = tensor.empty() : tensor<8x5x5xf32>
  %ew11 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%mm9, %mask : tensor<8x5x5xf32>, tensor<5x5xf32>) outs(%empty10 : tensor<8x5x5xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %r = arith.addf %in0, %in1 : f32
    linalg.yield %r : f32
  } -> tensor<8x5x5xf32>
  %empty12 = tensor.empty() : tensor<8x5x5xf32>
  %sm13 = linalg.softmax dimension(2) ins(%ew11 : tensor<8x5x5xf32>) outs(%empty12 : tensor<8x5x5xf32>) -> tensor<8x5x5xf32>
  %cst14 = arith.constant 0.0 : f32
  %empty15 = tensor.empty() : tensor<8x5x16xf32>
  %fill16 = linalg.fill ins(%cst14 : f32) outs(%empty15 : tensor<8x5x16xf32>) -> tensor<8x5x16xf32>
  %mm17 = linalg.batch_matmul ins(%sm13, %v : tensor<8x5x5xf32>, tensor<8x5x16xf32>) outs(%fill16 : tensor<8x5x16xf32>) -> tensor<8x5x16xf32>
  return %mm17, %sm13 : tensor<8x5x16xf32>, tensor<8x5x5xf32>
}

// -----

/// select(mask, scores, -inf): a boolean mask, true = attend. No scale:
/// scale(1.0) is explicit.
// CHECK-LABEL: func.func @select_mask(
// CHECK:    %[[Q:[a-zA-Z0-9_]+]]: tensor<2x4x5x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>, %[[M:[a-zA-Z0-9_]+]]: tensor<2x1x5x7xi1>)
// CHECK:         %[[O:.+]] = s2s.scaled_dot_product_attention %[[Q]], %[[K]], %[[V]] mask(%[[M]]) scale(1.000000e+00) :
// CHECK:         return %[[O]]
func.func @select_mask(%q: tensor<2x4x5x8xf32>, %k: tensor<2x4x7x8xf32>, %v: tensor<2x4x7x8xf32>, %mask: tensor<2x1x5x7xi1>)
    -> tensor<2x4x5x8xf32> {
  %cst1 = arith.constant 0.0 : f32
  %empty2 = tensor.empty() : tensor<2x4x5x7xf32>
  %fill3 = linalg.fill ins(%cst1 : f32) outs(%empty2 : tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %mm4 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>) outs(%fill3 : tensor<2x4x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x5x7xf32>
  %empty5 = tensor.empty() : tensor<2x4x5x7xf32>
  %ew6 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, 0, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%mask, %mm4 : tensor<2x1x5x7xi1>, tensor<2x4x5x7xf32>) outs(%empty5 : tensor<2x4x5x7xf32>) {
  ^bb0(%in0: i1, %in1: f32, %out: f32):
    %neg = arith.constant 0xFF800000 : f32
    %r = arith.select %in0, %in1, %neg : f32
    linalg.yield %r : f32
  } -> tensor<2x4x5x7xf32>
  %empty7 = tensor.empty() : tensor<2x4x5x7xf32>
  %sm8 = linalg.softmax dimension(3) ins(%ew6 : tensor<2x4x5x7xf32>) outs(%empty7 : tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %cst9 = arith.constant 0.0 : f32
  %empty10 = tensor.empty() : tensor<2x4x5x8xf32>
  %fill11 = linalg.fill ins(%cst9 : f32) outs(%empty10 : tensor<2x4x5x8xf32>) -> tensor<2x4x5x8xf32>
  %mm12 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm8, %v : tensor<2x4x5x7xf32>, tensor<2x4x7x8xf32>) outs(%fill11 : tensor<2x4x5x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x5x8xf32>
  return %mm12 : tensor<2x4x5x8xf32>
}

// -----

/// select(mask, -inf, scores): true = masked, so the SDPA gets the negation.
// CHECK-LABEL: func.func @select_mask_inverted(
// CHECK:    %[[Q:[a-zA-Z0-9_]+]]: tensor<2x4x5x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>, %[[M:[a-zA-Z0-9_]+]]: tensor<5x7xi1>)
// CHECK:         %[[TRUE:.+]] = arith.constant dense<true> : tensor<5x7xi1>
// CHECK:         %[[NOT:.+]] = arith.xori %[[M]], %[[TRUE]] : tensor<5x7xi1>
// CHECK:         %[[O:.+]] = s2s.scaled_dot_product_attention %[[Q]], %[[K]], %[[V]] mask(%[[NOT]]) scale(1.000000e+00) :
// CHECK:         return %[[O]]
func.func @select_mask_inverted(%q: tensor<2x4x5x8xf32>, %k: tensor<2x4x7x8xf32>, %v: tensor<2x4x7x8xf32>, %mask: tensor<5x7xi1>)
    -> tensor<2x4x5x8xf32> {
  %cst1 = arith.constant 0.0 : f32
  %empty2 = tensor.empty() : tensor<2x4x5x7xf32>
  %fill3 = linalg.fill ins(%cst1 : f32) outs(%empty2 : tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %mm4 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>) outs(%fill3 : tensor<2x4x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x5x7xf32>
  %empty5 = tensor.empty() : tensor<2x4x5x7xf32>
  %ew6 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%mask, %mm4 : tensor<5x7xi1>, tensor<2x4x5x7xf32>) outs(%empty5 : tensor<2x4x5x7xf32>) {
  ^bb0(%in0: i1, %in1: f32, %out: f32):
    %neg = arith.constant 0xFF800000 : f32
    %r = arith.select %in0, %neg, %in1 : f32
    linalg.yield %r : f32
  } -> tensor<2x4x5x7xf32>
  %empty7 = tensor.empty() : tensor<2x4x5x7xf32>
  %sm8 = linalg.softmax dimension(3) ins(%ew6 : tensor<2x4x5x7xf32>) outs(%empty7 : tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %cst9 = arith.constant 0.0 : f32
  %empty10 = tensor.empty() : tensor<2x4x5x8xf32>
  %fill11 = linalg.fill ins(%cst9 : f32) outs(%empty10 : tensor<2x4x5x8xf32>) -> tensor<2x4x5x8xf32>
  %mm12 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm8, %v : tensor<2x4x5x7xf32>, tensor<2x4x7x8xf32>) outs(%fill11 : tensor<2x4x5x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x5x8xf32>
  return %mm12 : tensor<2x4x5x8xf32>
}

// -----

/// select(mask, -1e9, scores): a finite masked value becomes an additive mask
/// of 0 and -1e9.
// CHECK-LABEL: func.func @select_mask_finite(
// CHECK:    %[[Q:[a-zA-Z0-9_]+]]: tensor<2x4x5x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x4x7x8xf32>, %[[M:[a-zA-Z0-9_]+]]: tensor<2x1x5x7xi1>)
// CHECK-DAG:     %[[ZERO:.+]] = arith.constant dense<0.000000e+00> : tensor<2x1x5x7xf32>
// CHECK-DAG:     %[[NEG:.+]] = arith.constant dense<-1.000000e+09> : tensor<2x1x5x7xf32>
// CHECK:         %[[ADD:.+]] = arith.select %[[M]], %[[NEG]], %[[ZERO]] : tensor<2x1x5x7xi1>, tensor<2x1x5x7xf32>
// CHECK:         %[[O:.+]] = s2s.scaled_dot_product_attention %[[Q]], %[[K]], %[[V]] mask(%[[ADD]]) scale(1.000000e+00) :
// CHECK:         return %[[O]]
func.func @select_mask_finite(%q: tensor<2x4x5x8xf32>, %k: tensor<2x4x7x8xf32>, %v: tensor<2x4x7x8xf32>, %mask: tensor<2x1x5x7xi1>)
    -> tensor<2x4x5x8xf32> {
  %cst1 = arith.constant 0.0 : f32
  %empty2 = tensor.empty() : tensor<2x4x5x7xf32>
  %fill3 = linalg.fill ins(%cst1 : f32) outs(%empty2 : tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %mm4 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>) outs(%fill3 : tensor<2x4x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x5x7xf32>
  %empty5 = tensor.empty() : tensor<2x4x5x7xf32>
  %ew6 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, 0, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%mask, %mm4 : tensor<2x1x5x7xi1>, tensor<2x4x5x7xf32>) outs(%empty5 : tensor<2x4x5x7xf32>) {
  ^bb0(%in0: i1, %in1: f32, %out: f32):
    %neg = arith.constant -1000000000.0 : f32
    %r = arith.select %in0, %neg, %in1 : f32
    linalg.yield %r : f32
  } -> tensor<2x4x5x7xf32>
  %empty7 = tensor.empty() : tensor<2x4x5x7xf32>
  %sm8 = linalg.softmax dimension(3) ins(%ew6 : tensor<2x4x5x7xf32>) outs(%empty7 : tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %cst9 = arith.constant 0.0 : f32
  %empty10 = tensor.empty() : tensor<2x4x5x8xf32>
  %fill11 = linalg.fill ins(%cst9 : f32) outs(%empty10 : tensor<2x4x5x8xf32>) -> tensor<2x4x5x8xf32>
  %mm12 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm8, %v : tensor<2x4x5x7xf32>, tensor<2x4x7x8xf32>) outs(%fill11 : tensor<2x4x5x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x5x8xf32>
  return %mm12 : tensor<2x4x5x8xf32>
}

// -----

/// Left alone: the masked value -1 still gives masked keys a weight.
// CHECK-LABEL: func.func @select_mask_small_value(
// CHECK-NOT: s2s.scaled_dot_product_attention
// CHECK: linalg.softmax
func.func @select_mask_small_value(%q: tensor<2x4x5x8xf32>, %k: tensor<2x4x7x8xf32>, %v: tensor<2x4x7x8xf32>, %mask: tensor<2x1x5x7xi1>)
    -> tensor<2x4x5x8xf32> {
  %cst1 = arith.constant 0.0 : f32
  %empty2 = tensor.empty() : tensor<2x4x5x7xf32>
  %fill3 = linalg.fill ins(%cst1 : f32) outs(%empty2 : tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %mm4 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x4x5x8xf32>, tensor<2x4x7x8xf32>) outs(%fill3 : tensor<2x4x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x5x7xf32>
  %empty5 = tensor.empty() : tensor<2x4x5x7xf32>
  %ew6 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, 0, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%mask, %mm4 : tensor<2x1x5x7xi1>, tensor<2x4x5x7xf32>) outs(%empty5 : tensor<2x4x5x7xf32>) {
  ^bb0(%in0: i1, %in1: f32, %out: f32):
    %neg = arith.constant -1.0 : f32
    %r = arith.select %in0, %in1, %neg : f32
    linalg.yield %r : f32
  } -> tensor<2x4x5x7xf32>
  %empty7 = tensor.empty() : tensor<2x4x5x7xf32>
  %sm8 = linalg.softmax dimension(3) ins(%ew6 : tensor<2x4x5x7xf32>) outs(%empty7 : tensor<2x4x5x7xf32>) -> tensor<2x4x5x7xf32>
  %cst9 = arith.constant 0.0 : f32
  %empty10 = tensor.empty() : tensor<2x4x5x8xf32>
  %fill11 = linalg.fill ins(%cst9 : f32) outs(%empty10 : tensor<2x4x5x8xf32>) -> tensor<2x4x5x8xf32>
  %mm12 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm8, %v : tensor<2x4x5x7xf32>, tensor<2x4x7x8xf32>) outs(%fill11 : tensor<2x4x5x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x5x8xf32>
  return %mm12 : tensor<2x4x5x8xf32>
}

// -----

/// Grouped-query attention: K/V [B, 2, T, D] repeated per query head
/// (broadcast to [B, 2, 3, T, D], collapsed to 6 heads, kv head h / 3) feed
/// the SDPA unrepeated; Q scaled by a splat constant before the contraction.
// CHECK-LABEL: func.func @gqa_repeat(
// CHECK:    %[[Q:[a-zA-Z0-9_]+]]: tensor<2x6x4x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<2x2x6x8xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x2x6x8xf32>)
// CHECK:         %[[O:.+]] = s2s.scaled_dot_product_attention %[[Q]], %[[K]], %[[V]] scale(2.500000e-01) : (tensor<2x6x4x8xf32>, tensor<2x2x6x8xf32>, tensor<2x2x6x8xf32>) -> tensor<2x6x4x8xf32>
// CHECK-NOT:     linalg.
// CHECK:         return %[[O]]
func.func @gqa_repeat(%q: tensor<2x6x4x8xf32>, %k: tensor<2x2x6x8xf32>, %v: tensor<2x2x6x8xf32>)
    -> tensor<2x6x4x8xf32> {
  %empty1 = tensor.empty() : tensor<2x2x3x6x8xf32>
  %bc2 = linalg.broadcast ins(%k : tensor<2x2x6x8xf32>) outs(%empty1 : tensor<2x2x3x6x8xf32>) dimensions = [2]
  %rep3 = tensor.collapse_shape %bc2 [[0], [1, 2], [3], [4]] : tensor<2x2x3x6x8xf32> into tensor<2x6x6x8xf32>
  %empty4 = tensor.empty() : tensor<2x2x3x6x8xf32>
  %bc5 = linalg.broadcast ins(%v : tensor<2x2x6x8xf32>) outs(%empty4 : tensor<2x2x3x6x8xf32>) dimensions = [2]
  %rep6 = tensor.collapse_shape %bc5 [[0], [1, 2], [3], [4]] : tensor<2x2x3x6x8xf32> into tensor<2x6x6x8xf32>
  %cst7 = arith.constant dense<0.25> : tensor<2x6x4x8xf32>
  %empty8 = tensor.empty() : tensor<2x6x4x8xf32>
  %ew9 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%q, %cst7 : tensor<2x6x4x8xf32>, tensor<2x6x4x8xf32>) outs(%empty8 : tensor<2x6x4x8xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %r = arith.mulf %in0, %in1 : f32
    linalg.yield %r : f32
  } -> tensor<2x6x4x8xf32>
  %cst10 = arith.constant 0.0 : f32
  %empty11 = tensor.empty() : tensor<2x6x4x6xf32>
  %fill12 = linalg.fill ins(%cst10 : f32) outs(%empty11 : tensor<2x6x4x6xf32>) -> tensor<2x6x4x6xf32>
  %mm13 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%ew9, %rep3 : tensor<2x6x4x8xf32>, tensor<2x6x6x8xf32>) outs(%fill12 : tensor<2x6x4x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x6x4x6xf32>
  %empty14 = tensor.empty() : tensor<2x6x4x6xf32>
  %sm15 = linalg.softmax dimension(3) ins(%mm13 : tensor<2x6x4x6xf32>) outs(%empty14 : tensor<2x6x4x6xf32>) -> tensor<2x6x4x6xf32>
  %cst16 = arith.constant 0.0 : f32
  %empty17 = tensor.empty() : tensor<2x6x4x8xf32>
  %fill18 = linalg.fill ins(%cst16 : f32) outs(%empty17 : tensor<2x6x4x8xf32>) -> tensor<2x6x4x8xf32>
  %mm19 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm15, %rep6 : tensor<2x6x4x6xf32>, tensor<2x6x6x8xf32>) outs(%fill18 : tensor<2x6x4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x6x4x8xf32>
  return %mm19 : tensor<2x6x4x8xf32>
}

// -----

/// K/V repeated in the other head order (broadcast to [B, 3, 2, T, D]: kv
/// head h mod 2) is not the SDPA's grouping: the repeat stays and the SDPA
/// gets the repeated 6-head K/V.
// CHECK-LABEL: func.func @gqa_repeat_other_order(
// CHECK:    %[[Q:[a-zA-Z0-9_]+]]: tensor<2x6x4x8xf32>
// CHECK:         %[[KR:.+]] = tensor.collapse_shape
// CHECK:         %[[VR:.+]] = tensor.collapse_shape
// CHECK:         %[[O:.+]] = s2s.scaled_dot_product_attention %[[Q]], %[[KR]], %[[VR]] scale(2.500000e-01) : (tensor<2x6x4x8xf32>, tensor<2x6x6x8xf32>, tensor<2x6x6x8xf32>) -> tensor<2x6x4x8xf32>
func.func @gqa_repeat_other_order(%q: tensor<2x6x4x8xf32>, %k: tensor<2x2x6x8xf32>, %v: tensor<2x2x6x8xf32>)
    -> tensor<2x6x4x8xf32> {
  %empty1 = tensor.empty() : tensor<2x3x2x6x8xf32>
  %bc2 = linalg.broadcast ins(%k : tensor<2x2x6x8xf32>) outs(%empty1 : tensor<2x3x2x6x8xf32>) dimensions = [1]
  %rep3 = tensor.collapse_shape %bc2 [[0], [1, 2], [3], [4]] : tensor<2x3x2x6x8xf32> into tensor<2x6x6x8xf32>
  %empty4 = tensor.empty() : tensor<2x3x2x6x8xf32>
  %bc5 = linalg.broadcast ins(%v : tensor<2x2x6x8xf32>) outs(%empty4 : tensor<2x3x2x6x8xf32>) dimensions = [1]
  %rep6 = tensor.collapse_shape %bc5 [[0], [1, 2], [3], [4]] : tensor<2x3x2x6x8xf32> into tensor<2x6x6x8xf32>
  %cst7 = arith.constant dense<0.25> : tensor<2x6x4x8xf32>
  %empty8 = tensor.empty() : tensor<2x6x4x8xf32>
  %ew9 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%q, %cst7 : tensor<2x6x4x8xf32>, tensor<2x6x4x8xf32>) outs(%empty8 : tensor<2x6x4x8xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %r = arith.mulf %in0, %in1 : f32
    linalg.yield %r : f32
  } -> tensor<2x6x4x8xf32>
  %cst10 = arith.constant 0.0 : f32
  %empty11 = tensor.empty() : tensor<2x6x4x6xf32>
  %fill12 = linalg.fill ins(%cst10 : f32) outs(%empty11 : tensor<2x6x4x6xf32>) -> tensor<2x6x4x6xf32>
  %mm13 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%ew9, %rep3 : tensor<2x6x4x8xf32>, tensor<2x6x6x8xf32>) outs(%fill12 : tensor<2x6x4x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x6x4x6xf32>
  %empty14 = tensor.empty() : tensor<2x6x4x6xf32>
  %sm15 = linalg.softmax dimension(3) ins(%mm13 : tensor<2x6x4x6xf32>) outs(%empty14 : tensor<2x6x4x6xf32>) -> tensor<2x6x4x6xf32>
  %cst16 = arith.constant 0.0 : f32
  %empty17 = tensor.empty() : tensor<2x6x4x8xf32>
  %fill18 = linalg.fill ins(%cst16 : f32) outs(%empty17 : tensor<2x6x4x8xf32>) -> tensor<2x6x4x8xf32>
  %mm19 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm15, %rep6 : tensor<2x6x4x6xf32>, tensor<2x6x6x8xf32>) outs(%fill18 : tensor<2x6x4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x6x4x8xf32>
  return %mm19 : tensor<2x6x4x8xf32>
}

// -----

/// The softmax as linalg.softmax decomposes (max, exp(x - max) in one op, sum,
/// divide); K scaled before its transpose; V with another head size.
// CHECK-LABEL: func.func @decomposed_softmax(
// CHECK:    %[[Q:[a-zA-Z0-9_]+]]: tensor<3x5x4xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<3x11x4xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<3x11x6xf32>)
// CHECK:         %[[O:.+]] = s2s.scaled_dot_product_attention {{.*}} scale(5.000000e-01) : (tensor<1x3x5x4xf32>, tensor<1x3x11x4xf32>, tensor<1x3x11x6xf32>) -> tensor<1x3x5x6xf32>
// CHECK-NOT:     linalg.
// CHECK:         tensor.collapse_shape %[[O]]
func.func @decomposed_softmax(%q: tensor<3x5x4xf32>, %k: tensor<3x11x4xf32>, %v: tensor<3x11x6xf32>)
    -> tensor<3x5x6xf32> {
  %cst1 = arith.constant dense<0.5> : tensor<f32>
  %empty2 = tensor.empty() : tensor<3x11x4xf32>
  %ew3 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> ()>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%k, %cst1 : tensor<3x11x4xf32>, tensor<f32>) outs(%empty2 : tensor<3x11x4xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %r = arith.mulf %in0, %in1 : f32
    linalg.yield %r : f32
  } -> tensor<3x11x4xf32>
  %empty4 = tensor.empty() : tensor<3x4x11xf32>
  %tr5 = linalg.transpose ins(%ew3 : tensor<3x11x4xf32>) outs(%empty4 : tensor<3x4x11xf32>) permutation = [0, 2, 1]
  %cst6 = arith.constant 0.0 : f32
  %empty7 = tensor.empty() : tensor<3x5x11xf32>
  %fill8 = linalg.fill ins(%cst6 : f32) outs(%empty7 : tensor<3x5x11xf32>) -> tensor<3x5x11xf32>
  %mm9 = linalg.batch_matmul ins(%q, %tr5 : tensor<3x5x4xf32>, tensor<3x4x11xf32>) outs(%fill8 : tensor<3x5x11xf32>) -> tensor<3x5x11xf32>
  %cst10 = arith.constant 0xFF800000 : f32
  %empty11 = tensor.empty() : tensor<3x5xf32>
  %fill12 = linalg.fill ins(%cst10 : f32) outs(%empty11 : tensor<3x5xf32>) -> tensor<3x5xf32>
  %red13 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%mm9 : tensor<3x5x11xf32>) outs(%fill12 : tensor<3x5xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %r = arith.maxnumf %in, %acc : f32
    linalg.yield %r : f32
  } -> tensor<3x5xf32>
  %empty14 = tensor.empty() : tensor<3x5x11xf32>
  %exp15 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%mm9, %red13 : tensor<3x5x11xf32>, tensor<3x5xf32>) outs(%empty14 : tensor<3x5x11xf32>) {
  ^bb0(%in: f32, %m: f32, %out: f32):
    %d = arith.subf %in, %m : f32
    %x = math.exp %d : f32
    linalg.yield %x : f32
  } -> tensor<3x5x11xf32>
  %cst16 = arith.constant 0.0 : f32
  %empty17 = tensor.empty() : tensor<3x5xf32>
  %fill18 = linalg.fill ins(%cst16 : f32) outs(%empty17 : tensor<3x5xf32>) -> tensor<3x5xf32>
  %red19 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%exp15 : tensor<3x5x11xf32>) outs(%fill18 : tensor<3x5xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %r = arith.addf %in, %acc : f32
    linalg.yield %r : f32
  } -> tensor<3x5xf32>
  %empty20 = tensor.empty() : tensor<3x5x11xf32>
  %sm21 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%exp15, %red19 : tensor<3x5x11xf32>, tensor<3x5xf32>) outs(%empty20 : tensor<3x5x11xf32>) {
  ^bb0(%in: f32, %s: f32, %out: f32):
    %div = arith.divf %in, %s : f32
    linalg.yield %div : f32
  } -> tensor<3x5x11xf32>
  %cst22 = arith.constant 0.0 : f32
  %empty23 = tensor.empty() : tensor<3x5x6xf32>
  %fill24 = linalg.fill ins(%cst22 : f32) outs(%empty23 : tensor<3x5x6xf32>) -> tensor<3x5x6xf32>
  %mm25 = linalg.batch_matmul ins(%sm21, %v : tensor<3x5x11xf32>, tensor<3x11x6xf32>) outs(%fill24 : tensor<3x5x6xf32>) -> tensor<3x5x6xf32>
  return %mm25 : tensor<3x5x6xf32>
}

// -----

/// One head with linalg.matmul: operands expanded to [1, 1, T, D].
// CHECK-LABEL: func.func @single_head(
// CHECK:    %[[Q:[a-zA-Z0-9_]+]]: tensor<7x3xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<5x3xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<5x3xf32>)
// CHECK-DAG:     %[[Q4:.+]] = tensor.expand_shape %[[Q]] {{\[\[}}0, 1, 2], [3]] output_shape [1, 1, 7, 3]
// CHECK-DAG:     %[[K4:.+]] = tensor.expand_shape %[[K]] {{\[\[}}0, 1, 2], [3]] output_shape [1, 1, 5, 3]
// CHECK-DAG:     %[[V4:.+]] = tensor.expand_shape %[[V]] {{\[\[}}0, 1, 2], [3]] output_shape [1, 1, 5, 3]
// CHECK:         %[[O:.+]] = s2s.scaled_dot_product_attention %[[Q4]], %[[K4]], %[[V4]] scale(1.000000e+00)
// CHECK:         tensor.collapse_shape %[[O]] {{\[\[}}0, 1, 2], [3]] : tensor<1x1x7x3xf32> into tensor<7x3xf32>
func.func @single_head(%q: tensor<7x3xf32>, %k: tensor<5x3xf32>, %v: tensor<5x3xf32>)
    -> tensor<7x3xf32> {
  %empty1 = tensor.empty() : tensor<3x5xf32>
  %tr2 = linalg.transpose ins(%k : tensor<5x3xf32>) outs(%empty1 : tensor<3x5xf32>) permutation = [1, 0]
  %cst3 = arith.constant 0.0 : f32
  %empty4 = tensor.empty() : tensor<7x5xf32>
  %fill5 = linalg.fill ins(%cst3 : f32) outs(%empty4 : tensor<7x5xf32>) -> tensor<7x5xf32>
  %mm6 = linalg.matmul ins(%q, %tr2 : tensor<7x3xf32>, tensor<3x5xf32>) outs(%fill5 : tensor<7x5xf32>) -> tensor<7x5xf32>
  %empty7 = tensor.empty() : tensor<7x5xf32>
  %sm8 = linalg.softmax dimension(1) ins(%mm6 : tensor<7x5xf32>) outs(%empty7 : tensor<7x5xf32>) -> tensor<7x5xf32>
  %cst9 = arith.constant 0.0 : f32
  %empty10 = tensor.empty() : tensor<7x3xf32>
  %fill11 = linalg.fill ins(%cst9 : f32) outs(%empty10 : tensor<7x3xf32>) -> tensor<7x3xf32>
  %mm12 = linalg.matmul ins(%sm8, %v : tensor<7x5xf32>, tensor<5x3xf32>) outs(%fill11 : tensor<7x3xf32>) -> tensor<7x3xf32>
  return %mm12 : tensor<7x3xf32>
}

// -----

/// A constant causal mask (as nn.Transformer.generate_square_subsequent_mask
/// makes it) added to the scores: the raised op is causal, without a mask.
// CHECK-LABEL: func.func @causal_constant_mask(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} scale(1.000000e+00) causal :
// CHECK-SAME:        (tensor<1x1x4x3xf32>, tensor<1x1x4x3xf32>, tensor<1x1x4x3xf32>) -> tensor<1x1x4x3xf32>
func.func @causal_constant_mask(%q: tensor<4x3xf32>, %k: tensor<4x3xf32>,
    %v: tensor<4x3xf32>) -> tensor<4x3xf32> {
  %mask = arith.constant dense<[[0.0, 0xFF800000, 0xFF800000, 0xFF800000],
       [0.0, 0.0, 0xFF800000, 0xFF800000],
       [0.0, 0.0, 0.0, 0xFF800000],
       [0.0, 0.0, 0.0, 0.0]]> : tensor<4x4xf32>
  %empty1 = tensor.empty() : tensor<3x4xf32>
  %tr2 = linalg.transpose ins(%k : tensor<4x3xf32>) outs(%empty1 : tensor<3x4xf32>) permutation = [1, 0]
  %cst3 = arith.constant 0.0 : f32
  %empty4 = tensor.empty() : tensor<4x4xf32>
  %fill5 = linalg.fill ins(%cst3 : f32) outs(%empty4 : tensor<4x4xf32>) -> tensor<4x4xf32>
  %mm6 = linalg.matmul ins(%q, %tr2 : tensor<4x3xf32>, tensor<3x4xf32>) outs(%fill5 : tensor<4x4xf32>) -> tensor<4x4xf32>
  %empty_m = tensor.empty() : tensor<4x4xf32>
  %masked = linalg.add ins(%mm6, %mask : tensor<4x4xf32>, tensor<4x4xf32>) outs(%empty_m : tensor<4x4xf32>) -> tensor<4x4xf32>
  %empty7 = tensor.empty() : tensor<4x4xf32>
  %sm8 = linalg.softmax dimension(1) ins(%masked : tensor<4x4xf32>) outs(%empty7 : tensor<4x4xf32>) -> tensor<4x4xf32>
  %cst9 = arith.constant 0.0 : f32
  %empty10 = tensor.empty() : tensor<4x3xf32>
  %fill11 = linalg.fill ins(%cst9 : f32) outs(%empty10 : tensor<4x3xf32>) -> tensor<4x3xf32>
  %mm12 = linalg.matmul ins(%sm8, %v : tensor<4x4xf32>, tensor<4x3xf32>) outs(%fill11 : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %mm12 : tensor<4x3xf32>
}

// -----

/// Left alone: f64.
// CHECK-LABEL: func.func @f64_left_alone(
// CHECK-NOT: s2s.scaled_dot_product_attention
// CHECK: linalg.softmax
func.func @f64_left_alone(%q: tensor<7x3xf64>, %k: tensor<5x3xf64>, %v: tensor<5x3xf64>)
    -> tensor<7x3xf64> {
  %empty1 = tensor.empty() : tensor<3x5xf64>
  %tr2 = linalg.transpose ins(%k : tensor<5x3xf64>) outs(%empty1 : tensor<3x5xf64>) permutation = [1, 0]
  %cst3 = arith.constant 0.0 : f64
  %empty4 = tensor.empty() : tensor<7x5xf64>
  %fill5 = linalg.fill ins(%cst3 : f64) outs(%empty4 : tensor<7x5xf64>) -> tensor<7x5xf64>
  %mm6 = linalg.matmul ins(%q, %tr2 : tensor<7x3xf64>, tensor<3x5xf64>) outs(%fill5 : tensor<7x5xf64>) -> tensor<7x5xf64>
  %empty7 = tensor.empty() : tensor<7x5xf64>
  %sm8 = linalg.softmax dimension(1) ins(%mm6 : tensor<7x5xf64>) outs(%empty7 : tensor<7x5xf64>) -> tensor<7x5xf64>
  %cst9 = arith.constant 0.0 : f64
  %empty10 = tensor.empty() : tensor<7x3xf64>
  %fill11 = linalg.fill ins(%cst9 : f64) outs(%empty10 : tensor<7x3xf64>) -> tensor<7x3xf64>
  %mm12 = linalg.matmul ins(%sm8, %v : tensor<7x5xf64>, tensor<5x3xf64>) outs(%fill11 : tensor<7x3xf64>) -> tensor<7x3xf64>
  return %mm12 : tensor<7x3xf64>
}


// -----

/// batch_matmul with indexing_maps reading K transposed, and the scale as
/// arith.mulf on tensors.
// CHECK-LABEL: func.func @batch_matmul_maps(
// CHECK-SAME:    %[[Q:[a-zA-Z0-9_]+]]: tensor<4x5x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<4x7x8xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<4x7x8xf32>)
// CHECK-DAG:     %[[Q4:.+]] = tensor.expand_shape %[[Q]]
// CHECK-DAG:     %[[K4:.+]] = tensor.expand_shape %[[K]]
// CHECK-DAG:     %[[V4:.+]] = tensor.expand_shape %[[V]]
// CHECK:         s2s.scaled_dot_product_attention %[[Q4]], %[[K4]], %[[V4]] scale(5.000000e-01)
// CHECK-NOT:     arith.mulf
func.func @batch_matmul_maps(%q: tensor<4x5x8xf32>, %k: tensor<4x7x8xf32>,
    %v: tensor<4x7x8xf32>) -> tensor<4x5x8xf32> {
  %zero = arith.constant 0.0 : f32
  %e1 = tensor.empty() : tensor<4x5x7xf32>
  %z1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<4x5x7xf32>)
      -> tensor<4x5x7xf32>
  %s = linalg.batch_matmul indexing_maps = [
      affine_map<(b, m, n, k) -> (b, m, k)>,
      affine_map<(b, m, n, k) -> (b, n, k)>,
      affine_map<(b, m, n, k) -> (b, m, n)>]
      ins(%q, %k : tensor<4x5x8xf32>, tensor<4x7x8xf32>)
      outs(%z1 : tensor<4x5x7xf32>) -> tensor<4x5x7xf32>
  %c = arith.constant dense<0.5> : tensor<4x5x7xf32>
  %scaled = arith.mulf %s, %c : tensor<4x5x7xf32>
  %p = linalg.softmax dimension(2) ins(%scaled : tensor<4x5x7xf32>)
      outs(%e1 : tensor<4x5x7xf32>) -> tensor<4x5x7xf32>
  %e2 = tensor.empty() : tensor<4x5x8xf32>
  %z2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<4x5x8xf32>)
      -> tensor<4x5x8xf32>
  %out = linalg.batch_matmul ins(%p, %v : tensor<4x5x7xf32>, tensor<4x7x8xf32>)
      outs(%z2 : tensor<4x5x8xf32>) -> tensor<4x5x8xf32>
  return %out : tensor<4x5x8xf32>
}

// -----

/// K given as K^T [N, D, Tk] (no transpose to look through): the SDPA gets
/// a linalg.transpose of it.
// CHECK-LABEL: func.func @key_given_transposed(
// CHECK-SAME:    %[[Q:[a-zA-Z0-9_]+]]: tensor<4x5x8xf32>, %[[KT:[a-zA-Z0-9_]+]]: tensor<4x8x7xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<4x7x8xf32>)
// CHECK:         %[[K:.+]] = linalg.transpose ins(%[[KT]] : tensor<4x8x7xf32>) outs({{.*}} : tensor<4x7x8xf32>) permutation = [0, 2, 1]
// CHECK:         %[[K4:.+]] = tensor.expand_shape %[[K]]
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %[[K4]], %{{.+}} scale(1.000000e+00)
func.func @key_given_transposed(%q: tensor<4x5x8xf32>, %kt: tensor<4x8x7xf32>,
    %v: tensor<4x7x8xf32>) -> tensor<4x5x8xf32> {
  %zero = arith.constant 0.0 : f32
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

// -----

/// The softmax as an importer writes ReduceMax/Sub/Exp/ReduceSum/Div with
/// keepdims: one op per step, the row values kept as [N, Tq, 1] and read
/// through a constant-0 map result.
// CHECK-LABEL: func.func @softmax_keepdims_ops(
// CHECK:         s2s.scaled_dot_product_attention {{.*}} scale(1.000000e+00)
// CHECK-NOT:     linalg.generic
func.func @softmax_keepdims_ops(%q: tensor<4x5x8xf32>, %kt: tensor<4x8x7xf32>,
    %v: tensor<4x7x8xf32>) -> tensor<4x5x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %e1 = tensor.empty() : tensor<4x5x7xf32>
  %z1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<4x5x7xf32>)
      -> tensor<4x5x7xf32>
  %s = linalg.batch_matmul ins(%q, %kt : tensor<4x5x8xf32>, tensor<4x8x7xf32>)
      outs(%z1 : tensor<4x5x7xf32>) -> tensor<4x5x7xf32>
  %er = tensor.empty() : tensor<4x5x1xf32>
  %mi = linalg.fill ins(%ninf : f32) outs(%er : tensor<4x5x1xf32>)
      -> tensor<4x5x1xf32>
  %max = linalg.generic {indexing_maps = [
      affine_map<(d0, d1, d2) -> (d0, d1, d2)>,
      affine_map<(d0, d1, d2) -> (d0, d1, 0)>],
      iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%s : tensor<4x5x7xf32>) outs(%mi : tensor<4x5x1xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %m = arith.maximumf %in, %acc : f32
    linalg.yield %m : f32
  } -> tensor<4x5x1xf32>
  %sub = linalg.generic {indexing_maps = [
      affine_map<(d0, d1, d2) -> (d0, d1, d2)>,
      affine_map<(d0, d1, d2) -> (d0, d1, 0)>,
      affine_map<(d0, d1, d2) -> (d0, d1, d2)>],
      iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%s, %max : tensor<4x5x7xf32>, tensor<4x5x1xf32>)
      outs(%e1 : tensor<4x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %d = arith.subf %a, %b : f32
    linalg.yield %d : f32
  } -> tensor<4x5x7xf32>
  %exp = linalg.generic {indexing_maps = [
      affine_map<(d0, d1, d2) -> (d0, d1, d2)>,
      affine_map<(d0, d1, d2) -> (d0, d1, d2)>],
      iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%sub : tensor<4x5x7xf32>) outs(%e1 : tensor<4x5x7xf32>) {
  ^bb0(%a: f32, %o: f32):
    %x = math.exp %a : f32
    linalg.yield %x : f32
  } -> tensor<4x5x7xf32>
  %si = linalg.fill ins(%zero : f32) outs(%er : tensor<4x5x1xf32>)
      -> tensor<4x5x1xf32>
  %sum = linalg.generic {indexing_maps = [
      affine_map<(d0, d1, d2) -> (d0, d1, d2)>,
      affine_map<(d0, d1, d2) -> (d0, d1, 0)>],
      iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%exp : tensor<4x5x7xf32>) outs(%si : tensor<4x5x1xf32>) {
  ^bb0(%in: f32, %acc: f32):
    %t = arith.addf %acc, %in : f32
    linalg.yield %t : f32
  } -> tensor<4x5x1xf32>
  %p = linalg.generic {indexing_maps = [
      affine_map<(d0, d1, d2) -> (d0, d1, d2)>,
      affine_map<(d0, d1, d2) -> (d0, d1, 0)>,
      affine_map<(d0, d1, d2) -> (d0, d1, d2)>],
      iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%exp, %sum : tensor<4x5x7xf32>, tensor<4x5x1xf32>)
      outs(%e1 : tensor<4x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.divf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<4x5x7xf32>
  %e2 = tensor.empty() : tensor<4x5x8xf32>
  %z2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<4x5x8xf32>)
      -> tensor<4x5x8xf32>
  %out = linalg.batch_matmul ins(%p, %v : tensor<4x5x7xf32>, tensor<4x7x8xf32>)
      outs(%z2 : tensor<4x5x8xf32>) -> tensor<4x5x8xf32>
  return %out : tensor<4x5x8xf32>
}

// -----

/// Left alone: the max of the decomposed softmax is taken over the scores
/// of another function argument, not over the values normalized.
// CHECK-LABEL: func.func @softmax_max_of_other(
// CHECK-NOT:     s2s.scaled_dot_product_attention
// CHECK:         linalg.batch_matmul
func.func @softmax_max_of_other(%q: tensor<4x5x8xf32>, %kt: tensor<4x8x7xf32>,
    %v: tensor<4x7x8xf32>, %other: tensor<4x5x7xf32>) -> tensor<4x5x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %e1 = tensor.empty() : tensor<4x5x7xf32>
  %z1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<4x5x7xf32>)
      -> tensor<4x5x7xf32>
  %s = linalg.batch_matmul ins(%q, %kt : tensor<4x5x8xf32>, tensor<4x8x7xf32>)
      outs(%z1 : tensor<4x5x7xf32>) -> tensor<4x5x7xf32>
  %er = tensor.empty() : tensor<4x5xf32>
  %mi = linalg.fill ins(%ninf : f32) outs(%er : tensor<4x5xf32>)
      -> tensor<4x5xf32>
  %max = linalg.reduce ins(%other : tensor<4x5x7xf32>) outs(%mi : tensor<4x5xf32>)
      dimensions = [2]
    (%in: f32, %acc: f32) {
      %m = arith.maxnumf %in, %acc : f32
      linalg.yield %m : f32
    }
  %exp = linalg.generic {indexing_maps = [
      affine_map<(d0, d1, d2) -> (d0, d1, d2)>,
      affine_map<(d0, d1, d2) -> (d0, d1)>,
      affine_map<(d0, d1, d2) -> (d0, d1, d2)>],
      iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%s, %max : tensor<4x5x7xf32>, tensor<4x5xf32>)
      outs(%e1 : tensor<4x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %d = arith.subf %a, %b : f32
    %x = math.exp %d : f32
    linalg.yield %x : f32
  } -> tensor<4x5x7xf32>
  %si = linalg.fill ins(%zero : f32) outs(%er : tensor<4x5xf32>)
      -> tensor<4x5xf32>
  %sum = linalg.reduce ins(%exp : tensor<4x5x7xf32>) outs(%si : tensor<4x5xf32>)
      dimensions = [2]
    (%in: f32, %acc: f32) {
      %t = arith.addf %in, %acc : f32
      linalg.yield %t : f32
    }
  %p = linalg.generic {indexing_maps = [
      affine_map<(d0, d1, d2) -> (d0, d1, d2)>,
      affine_map<(d0, d1, d2) -> (d0, d1)>,
      affine_map<(d0, d1, d2) -> (d0, d1, d2)>],
      iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%exp, %sum : tensor<4x5x7xf32>, tensor<4x5xf32>)
      outs(%e1 : tensor<4x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.divf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<4x5x7xf32>
  %e2 = tensor.empty() : tensor<4x5x8xf32>
  %z2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<4x5x8xf32>)
      -> tensor<4x5x8xf32>
  %out = linalg.batch_matmul ins(%p, %v : tensor<4x5x7xf32>, tensor<4x7x8xf32>)
      outs(%z2 : tensor<4x5x8xf32>) -> tensor<4x5x8xf32>
  return %out : tensor<4x5x8xf32>
}

// -----

/// Dynamic batch and lengths, as an export with dynamic axes writes them:
/// [?, Tq, D] operands are viewed as [?, 1, Tq, D] (the op takes a dynamic
/// batch, not dynamic heads), and so is a key-padding select mask [?, 1, Tk]
/// ([?, 1, 1, Tk]). Its finite masked value becomes an additive mask of
/// splats of the mask's run-time shape.
// CHECK-LABEL: func.func @dynamic_batch(
// CHECK-SAME:    %[[Q:[a-zA-Z0-9_]+]]: tensor<?x?x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<?x?x8xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<?x?x8xf32>, %[[M:[a-zA-Z0-9_]+]]: tensor<?x1x?xi1>)
// CHECK-DAG:     %[[Q4:.+]] = tensor.expand_shape %[[Q]] {{\[\[}}0, 1], [2], [3]] output_shape [%{{.+}}, 1, %{{.+}}, 8] : tensor<?x?x8xf32> into tensor<?x1x?x8xf32>
// CHECK-DAG:     %[[K4:.+]] = tensor.expand_shape %[[K]] {{\[\[}}0, 1], [2], [3]] {{.*}} into tensor<?x1x?x8xf32>
// CHECK-DAG:     %[[V4:.+]] = tensor.expand_shape %[[V]] {{\[\[}}0, 1], [2], [3]] {{.*}} into tensor<?x1x?x8xf32>
// CHECK:         %[[M4:.+]] = tensor.expand_shape {{.*}} into tensor<?x1x1x?xi1>
// CHECK-DAG:     %[[ZERO:.+]] = tensor.splat %{{.+}}[%{{.+}}, %{{.+}}] : tensor<?x1x1x?xf32>
// CHECK-DAG:     %[[NEG:.+]] = tensor.splat %{{.+}}[%{{.+}}, %{{.+}}] : tensor<?x1x1x?xf32>
// CHECK:         %[[ADD:.+]] = arith.select %[[M4]], %{{.+}}, %{{.+}} : tensor<?x1x1x?xi1>, tensor<?x1x1x?xf32>
// CHECK:         %[[O:.+]] = s2s.scaled_dot_product_attention %[[Q4]], %[[K4]], %[[V4]] mask(%[[ADD]]) scale(0.35355338454246521) : (tensor<?x1x?x8xf32>, tensor<?x1x?x8xf32>, tensor<?x1x?x8xf32>, tensor<?x1x1x?xf32>) -> tensor<?x1x?x8xf32>
// CHECK:         %[[R:.+]] = tensor.collapse_shape %[[O]] {{\[\[}}0, 1], [2], [3]] : tensor<?x1x?x8xf32> into tensor<?x?x8xf32>
// CHECK-NOT:     linalg.
// CHECK:         return %[[R]]
func.func @dynamic_batch(%q: tensor<?x?x8xf32>, %k: tensor<?x?x8xf32>,
    %v: tensor<?x?x8xf32>, %pad: tensor<?x1x?xi1>) -> tensor<?x?x8xf32> {
  %zero = arith.constant 0.0 : f32
  %scale = arith.constant 0.35355339059327373 : f32
  %neg = arith.constant -1.0e9 : f32
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = tensor.dim %q, %c0 : tensor<?x?x8xf32>
  %tq = tensor.dim %q, %c1 : tensor<?x?x8xf32>
  %tk = tensor.dim %k, %c1 : tensor<?x?x8xf32>
  %e1 = tensor.empty(%n, %tq, %tk) : tensor<?x?x?xf32>
  %z1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<?x?x?xf32>)
      -> tensor<?x?x?xf32>
  %s = linalg.batch_matmul indexing_maps = [
      affine_map<(b, m, n, k) -> (b, m, k)>,
      affine_map<(b, m, n, k) -> (b, n, k)>,
      affine_map<(b, m, n, k) -> (b, m, n)>]
      ins(%q, %k : tensor<?x?x8xf32>, tensor<?x?x8xf32>)
      outs(%z1 : tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  %scaled = linalg.generic {indexing_maps = [
      affine_map<(d0, d1, d2) -> (d0, d1, d2)>,
      affine_map<(d0, d1, d2) -> (d0, d1, d2)>],
      iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%s : tensor<?x?x?xf32>) outs(%e1 : tensor<?x?x?xf32>) {
  ^bb0(%in: f32, %out: f32):
    %r = arith.mulf %in, %scale : f32
    linalg.yield %r : f32
  } -> tensor<?x?x?xf32>
  %masked = linalg.generic {indexing_maps = [
      affine_map<(d0, d1, d2) -> (d0, d1, d2)>,
      affine_map<(d0, d1, d2) -> (d0, 0, d2)>,
      affine_map<(d0, d1, d2) -> (d0, d1, d2)>],
      iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%scaled, %pad : tensor<?x?x?xf32>, tensor<?x1x?xi1>)
      outs(%e1 : tensor<?x?x?xf32>) {
  ^bb0(%in: f32, %m: i1, %out: f32):
    %r = arith.select %m, %neg, %in : f32
    linalg.yield %r : f32
  } -> tensor<?x?x?xf32>
  %p = linalg.softmax dimension(2) ins(%masked : tensor<?x?x?xf32>)
      outs(%e1 : tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  %e2 = tensor.empty(%n, %tq) : tensor<?x?x8xf32>
  %z2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<?x?x8xf32>)
      -> tensor<?x?x8xf32>
  %out = linalg.batch_matmul ins(%p, %v : tensor<?x?x?xf32>, tensor<?x?x8xf32>)
      outs(%z2 : tensor<?x?x8xf32>) -> tensor<?x?x8xf32>
  return %out : tensor<?x?x8xf32>
}

// -----

/// [B, H, T, D] with a dynamic batch and lengths and static heads: raised
/// as is; K^T through a linalg.transpose with dynamic sizes.
// CHECK-LABEL: func.func @dynamic_rank4(
// CHECK-SAME:    %[[Q:[a-zA-Z0-9_]+]]: tensor<?x4x?x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<?x4x?x8xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<?x4x?x8xf32>)
// CHECK:         %[[O:.+]] = s2s.scaled_dot_product_attention %[[Q]], %[[K]], %[[V]] scale(1.000000e+00) : (tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>) -> tensor<?x4x?x8xf32>
// CHECK-NOT:     linalg.
// CHECK:         return %[[O]]
func.func @dynamic_rank4(%q: tensor<?x4x?x8xf32>, %k: tensor<?x4x?x8xf32>,
    %v: tensor<?x4x?x8xf32>) -> tensor<?x4x?x8xf32> {
  %zero = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %n = tensor.dim %q, %c0 : tensor<?x4x?x8xf32>
  %tq = tensor.dim %q, %c2 : tensor<?x4x?x8xf32>
  %tk = tensor.dim %k, %c2 : tensor<?x4x?x8xf32>
  %et = tensor.empty(%n, %tk) : tensor<?x4x8x?xf32>
  %kt = linalg.transpose ins(%k : tensor<?x4x?x8xf32>)
      outs(%et : tensor<?x4x8x?xf32>) permutation = [0, 1, 3, 2]
  %e1 = tensor.empty(%n, %tq, %tk) : tensor<?x4x?x?xf32>
  %z1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<?x4x?x?xf32>)
      -> tensor<?x4x?x?xf32>
  %s = linalg.generic {indexing_maps = [
      affine_map<(b, h, m, n, k) -> (b, h, m, k)>,
      affine_map<(b, h, m, n, k) -> (b, h, k, n)>,
      affine_map<(b, h, m, n, k) -> (b, h, m, n)>],
      iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
      ins(%q, %kt : tensor<?x4x?x8xf32>, tensor<?x4x8x?xf32>)
      outs(%z1 : tensor<?x4x?x?xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<?x4x?x?xf32>
  %p = linalg.softmax dimension(3) ins(%s : tensor<?x4x?x?xf32>)
      outs(%e1 : tensor<?x4x?x?xf32>) -> tensor<?x4x?x?xf32>
  %e2 = tensor.empty(%n, %tq) : tensor<?x4x?x8xf32>
  %z2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<?x4x?x8xf32>)
      -> tensor<?x4x?x8xf32>
  %out = linalg.generic {indexing_maps = [
      affine_map<(b, h, m, n, k) -> (b, h, m, k)>,
      affine_map<(b, h, m, n, k) -> (b, h, k, n)>,
      affine_map<(b, h, m, n, k) -> (b, h, m, n)>],
      iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
      ins(%p, %v : tensor<?x4x?x?xf32>, tensor<?x4x?x8xf32>)
      outs(%z2 : tensor<?x4x?x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<?x4x?x8xf32>
  return %out : tensor<?x4x?x8xf32>
}

// -----

/// Left alone: a dynamic head dimension D (the op's lowering needs it
/// static).
// CHECK-LABEL: func.func @dynamic_head_dim(
// CHECK-NOT:     s2s.scaled_dot_product_attention
// CHECK:         linalg.softmax
func.func @dynamic_head_dim(%q: tensor<4x5x?xf32>, %k: tensor<4x7x?xf32>,
    %v: tensor<4x7x8xf32>) -> tensor<4x5x8xf32> {
  %zero = arith.constant 0.0 : f32
  %e1 = tensor.empty() : tensor<4x5x7xf32>
  %z1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<4x5x7xf32>)
      -> tensor<4x5x7xf32>
  %s = linalg.batch_matmul indexing_maps = [
      affine_map<(b, m, n, k) -> (b, m, k)>,
      affine_map<(b, m, n, k) -> (b, n, k)>,
      affine_map<(b, m, n, k) -> (b, m, n)>]
      ins(%q, %k : tensor<4x5x?xf32>, tensor<4x7x?xf32>)
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

// -----

/// Left alone: a dynamic batch in Q, K and V but static in the scores and
/// the result (linalg accepts it; the op would infer another type).
// CHECK-LABEL: func.func @static_result_dynamic_query(
// CHECK-NOT:     s2s.scaled_dot_product_attention
// CHECK:         linalg.softmax
func.func @static_result_dynamic_query(%q: tensor<?x5x8xf32>,
    %k: tensor<?x7x8xf32>, %v: tensor<?x7x8xf32>) -> tensor<2x5x8xf32> {
  %zero = arith.constant 0.0 : f32
  %e1 = tensor.empty() : tensor<2x5x7xf32>
  %z1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<2x5x7xf32>)
      -> tensor<2x5x7xf32>
  %s = linalg.batch_matmul indexing_maps = [
      affine_map<(b, m, n, k) -> (b, m, k)>,
      affine_map<(b, m, n, k) -> (b, n, k)>,
      affine_map<(b, m, n, k) -> (b, m, n)>]
      ins(%q, %k : tensor<?x5x8xf32>, tensor<?x7x8xf32>)
      outs(%z1 : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %p = linalg.softmax dimension(2) ins(%s : tensor<2x5x7xf32>)
      outs(%e1 : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %e2 = tensor.empty() : tensor<2x5x8xf32>
  %z2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<2x5x8xf32>)
      -> tensor<2x5x8xf32>
  %out = linalg.batch_matmul ins(%p, %v : tensor<2x5x7xf32>, tensor<?x7x8xf32>)
      outs(%z2 : tensor<2x5x8xf32>) -> tensor<2x5x8xf32>
  return %out : tensor<2x5x8xf32>
}

// -----

/// Left alone: a static mask size against a dynamic scores size (the types
/// do not show that they agree).
// CHECK-LABEL: func.func @dynamic_scores_static_mask(
// CHECK-NOT:     s2s.scaled_dot_product_attention
// CHECK:         linalg.softmax
func.func @dynamic_scores_static_mask(%q: tensor<4x?x8xf32>,
    %k: tensor<4x?x8xf32>, %v: tensor<4x?x8xf32>, %mask: tensor<5x7xf32>)
    -> tensor<4x?x8xf32> {
  %zero = arith.constant 0.0 : f32
  %c1 = arith.constant 1 : index
  %tq = tensor.dim %q, %c1 : tensor<4x?x8xf32>
  %tk = tensor.dim %k, %c1 : tensor<4x?x8xf32>
  %e1 = tensor.empty(%tq, %tk) : tensor<4x?x?xf32>
  %z1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<4x?x?xf32>)
      -> tensor<4x?x?xf32>
  %s = linalg.batch_matmul indexing_maps = [
      affine_map<(b, m, n, k) -> (b, m, k)>,
      affine_map<(b, m, n, k) -> (b, n, k)>,
      affine_map<(b, m, n, k) -> (b, m, n)>]
      ins(%q, %k : tensor<4x?x8xf32>, tensor<4x?x8xf32>)
      outs(%z1 : tensor<4x?x?xf32>) -> tensor<4x?x?xf32>
  %masked = linalg.generic {indexing_maps = [
      affine_map<(d0, d1, d2) -> (d0, d1, d2)>,
      affine_map<(d0, d1, d2) -> (d1, d2)>,
      affine_map<(d0, d1, d2) -> (d0, d1, d2)>],
      iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%s, %mask : tensor<4x?x?xf32>, tensor<5x7xf32>)
      outs(%e1 : tensor<4x?x?xf32>) {
  ^bb0(%in: f32, %m: f32, %out: f32):
    %r = arith.addf %in, %m : f32
    linalg.yield %r : f32
  } -> tensor<4x?x?xf32>
  %p = linalg.softmax dimension(2) ins(%masked : tensor<4x?x?xf32>)
      outs(%e1 : tensor<4x?x?xf32>) -> tensor<4x?x?xf32>
  %e2 = tensor.empty(%tq) : tensor<4x?x8xf32>
  %z2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<4x?x8xf32>)
      -> tensor<4x?x8xf32>
  %out = linalg.batch_matmul ins(%p, %v : tensor<4x?x?xf32>, tensor<4x?x8xf32>)
      outs(%z2 : tensor<4x?x8xf32>) -> tensor<4x?x8xf32>
  return %out : tensor<4x?x8xf32>
}

// -----

/// Left alone: integer scores (an i32 Q K^T converted before the softmax).
// CHECK-LABEL: func.func @integer_scores(
// CHECK-NOT:     s2s.scaled_dot_product_attention
// CHECK:         linalg.softmax
func.func @integer_scores(%q: tensor<4x5x8xi32>, %k: tensor<4x7x8xi32>,
    %v: tensor<4x7x8xf32>) -> tensor<4x5x8xf32> {
  %zero = arith.constant 0 : i32
  %fzero = arith.constant 0.0 : f32
  %e0 = tensor.empty() : tensor<4x5x7xi32>
  %z0 = linalg.fill ins(%zero : i32) outs(%e0 : tensor<4x5x7xi32>)
      -> tensor<4x5x7xi32>
  %s = linalg.batch_matmul indexing_maps = [
      affine_map<(b, m, n, k) -> (b, m, k)>,
      affine_map<(b, m, n, k) -> (b, n, k)>,
      affine_map<(b, m, n, k) -> (b, m, n)>]
      ins(%q, %k : tensor<4x5x8xi32>, tensor<4x7x8xi32>)
      outs(%z0 : tensor<4x5x7xi32>) -> tensor<4x5x7xi32>
  %sf = arith.sitofp %s : tensor<4x5x7xi32> to tensor<4x5x7xf32>
  %e1 = tensor.empty() : tensor<4x5x7xf32>
  %p = linalg.softmax dimension(2) ins(%sf : tensor<4x5x7xf32>)
      outs(%e1 : tensor<4x5x7xf32>) -> tensor<4x5x7xf32>
  %e2 = tensor.empty() : tensor<4x5x8xf32>
  %z2 = linalg.fill ins(%fzero : f32) outs(%e2 : tensor<4x5x8xf32>)
      -> tensor<4x5x8xf32>
  %out = linalg.batch_matmul ins(%p, %v : tensor<4x5x7xf32>, tensor<4x7x8xf32>)
      outs(%z2 : tensor<4x5x8xf32>) -> tensor<4x5x8xf32>
  return %out : tensor<4x5x8xf32>
}

// -----

/// Left alone: the contraction accumulates into a non-zero init (the
/// product is added to a bias), which the op does not compute.
// CHECK-LABEL: func.func @accumulating_init(
// CHECK-NOT:     s2s.scaled_dot_product_attention
// CHECK:         linalg.softmax
func.func @accumulating_init(%q: tensor<4x5x8xf32>, %kt: tensor<4x8x7xf32>,
    %v: tensor<4x7x8xf32>, %acc: tensor<4x5x8xf32>) -> tensor<4x5x8xf32> {
  %zero = arith.constant 0.0 : f32
  %e1 = tensor.empty() : tensor<4x5x7xf32>
  %z1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<4x5x7xf32>)
      -> tensor<4x5x7xf32>
  %s = linalg.batch_matmul ins(%q, %kt : tensor<4x5x8xf32>, tensor<4x8x7xf32>)
      outs(%z1 : tensor<4x5x7xf32>) -> tensor<4x5x7xf32>
  %p = linalg.softmax dimension(2) ins(%s : tensor<4x5x7xf32>)
      outs(%e1 : tensor<4x5x7xf32>) -> tensor<4x5x7xf32>
  %out = linalg.batch_matmul ins(%p, %v : tensor<4x5x7xf32>, tensor<4x7x8xf32>)
      outs(%acc : tensor<4x5x8xf32>) -> tensor<4x5x8xf32>
  return %out : tensor<4x5x8xf32>
}

// -----

#id5 = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>
#unit2 = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, 0, d3, d4)>
#unit1 = affine_map<(d0, d1, d2, d3, d4) -> (d0, 0, d2, d3, d4)>
#q = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>
#kt = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>
#pv = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>
#o = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>

/// K/V heads repeated as an importer writes Unsqueeze, Expand, Reshape:
/// expand_shape to [B, Hkv, 1, T, D], a generic broadcasting index 0 of the
/// unit dimension to G = 3, collapse_shape. K follows the SDPA's grouping
/// (kv head h / 3) and is unrepeated; V was unsqueezed in front of Hkv
/// ([B, 1, Hkv, T, D] -> [B, 3, Hkv, T, D]: kv head h mod 2), so its repeat
/// stays, and so the SDPA gets K repeated too (both with the same heads).
// CHECK-LABEL: func.func @gqa_unsqueeze(
// CHECK-SAME:    %[[Q:[a-zA-Z0-9_]+]]: tensor<1x6x4x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<1x2x5x8xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<1x2x5x8xf32>)
// CHECK:         s2s.scaled_dot_product_attention %[[Q]], %{{.+}}, %{{.+}} scale(1.000000e+00) : (tensor<1x6x4x8xf32>, tensor<1x6x5x8xf32>, tensor<1x6x5x8xf32>)
// CHECK-LABEL: func.func @gqa_unsqueeze_both(
// CHECK-SAME:    %[[Q:[a-zA-Z0-9_]+]]: tensor<1x6x4x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<1x2x5x8xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<1x2x5x8xf32>)
// CHECK:         s2s.scaled_dot_product_attention %[[Q]], %[[K]], %[[V]] scale(1.000000e+00) : (tensor<1x6x4x8xf32>, tensor<1x2x5x8xf32>, tensor<1x2x5x8xf32>)
func.func @gqa_unsqueeze(%q: tensor<1x6x4x8xf32>, %k: tensor<1x2x5x8xf32>,
    %v: tensor<1x2x5x8xf32>) -> tensor<1x6x4x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ku = tensor.expand_shape %k [[0], [1, 2], [3], [4]]
      output_shape [1, 2, 1, 5, 8] : tensor<1x2x5x8xf32> into tensor<1x2x1x5x8xf32>
  %ke = tensor.empty() : tensor<1x2x3x5x8xf32>
  %kb = linalg.generic {indexing_maps = [#unit2, #id5],
      iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]}
      ins(%ku : tensor<1x2x1x5x8xf32>) outs(%ke : tensor<1x2x3x5x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<1x2x3x5x8xf32>
  %kr = tensor.collapse_shape %kb [[0], [1, 2], [3], [4]]
      : tensor<1x2x3x5x8xf32> into tensor<1x6x5x8xf32>
  %vu = tensor.expand_shape %v [[0, 1], [2], [3], [4]]
      output_shape [1, 1, 2, 5, 8] : tensor<1x2x5x8xf32> into tensor<1x1x2x5x8xf32>
  %ve = tensor.empty() : tensor<1x3x2x5x8xf32>
  %vb = linalg.generic {indexing_maps = [#unit1, #id5],
      iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]}
      ins(%vu : tensor<1x1x2x5x8xf32>) outs(%ve : tensor<1x3x2x5x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<1x3x2x5x8xf32>
  %vr = tensor.collapse_shape %vb [[0], [1, 2], [3], [4]]
      : tensor<1x3x2x5x8xf32> into tensor<1x6x5x8xf32>
  %e1 = tensor.empty() : tensor<1x6x4x5xf32>
  %z1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<1x6x4x5xf32>)
      -> tensor<1x6x4x5xf32>
  %s = linalg.generic {indexing_maps = [#q, #kt, #o],
      iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
      ins(%q, %kr : tensor<1x6x4x8xf32>, tensor<1x6x5x8xf32>)
      outs(%z1 : tensor<1x6x4x5xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x6x4x5xf32>
  %p = linalg.softmax dimension(3) ins(%s : tensor<1x6x4x5xf32>)
      outs(%e1 : tensor<1x6x4x5xf32>) -> tensor<1x6x4x5xf32>
  %e2 = tensor.empty() : tensor<1x6x4x8xf32>
  %z2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<1x6x4x8xf32>)
      -> tensor<1x6x4x8xf32>
  %out = linalg.generic {indexing_maps = [#q, #pv, #o],
      iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
      ins(%p, %vr : tensor<1x6x4x5xf32>, tensor<1x6x5x8xf32>)
      outs(%z2 : tensor<1x6x4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x6x4x8xf32>
  return %out : tensor<1x6x4x8xf32>
}

func.func @gqa_unsqueeze_both(%q: tensor<1x6x4x8xf32>, %k: tensor<1x2x5x8xf32>,
    %v: tensor<1x2x5x8xf32>) -> tensor<1x6x4x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ku = tensor.expand_shape %k [[0], [1, 2], [3], [4]]
      output_shape [1, 2, 1, 5, 8] : tensor<1x2x5x8xf32> into tensor<1x2x1x5x8xf32>
  %ke = tensor.empty() : tensor<1x2x3x5x8xf32>
  %kb = linalg.generic {indexing_maps = [#unit2, #id5],
      iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]}
      ins(%ku : tensor<1x2x1x5x8xf32>) outs(%ke : tensor<1x2x3x5x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<1x2x3x5x8xf32>
  %kr = tensor.collapse_shape %kb [[0], [1, 2], [3], [4]]
      : tensor<1x2x3x5x8xf32> into tensor<1x6x5x8xf32>
  %vu = tensor.expand_shape %v [[0], [1], [2, 3], [4]]
      output_shape [1, 2, 1, 5, 8] : tensor<1x2x5x8xf32> into tensor<1x2x1x5x8xf32>
  %ve = tensor.empty() : tensor<1x2x3x5x8xf32>
  %vb = linalg.generic {indexing_maps = [#unit2, #id5],
      iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]}
      ins(%vu : tensor<1x2x1x5x8xf32>) outs(%ve : tensor<1x2x3x5x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<1x2x3x5x8xf32>
  %vr = tensor.collapse_shape %vb [[0], [1, 2], [3], [4]]
      : tensor<1x2x3x5x8xf32> into tensor<1x6x5x8xf32>
  %e1 = tensor.empty() : tensor<1x6x4x5xf32>
  %z1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<1x6x4x5xf32>)
      -> tensor<1x6x4x5xf32>
  %s = linalg.generic {indexing_maps = [#q, #kt, #o],
      iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
      ins(%q, %kr : tensor<1x6x4x8xf32>, tensor<1x6x5x8xf32>)
      outs(%z1 : tensor<1x6x4x5xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x6x4x5xf32>
  %p = linalg.softmax dimension(3) ins(%s : tensor<1x6x4x5xf32>)
      outs(%e1 : tensor<1x6x4x5xf32>) -> tensor<1x6x4x5xf32>
  %e2 = tensor.empty() : tensor<1x6x4x8xf32>
  %z2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<1x6x4x8xf32>)
      -> tensor<1x6x4x8xf32>
  %out = linalg.generic {indexing_maps = [#q, #pv, #o],
      iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
      ins(%p, %vr : tensor<1x6x4x5xf32>, tensor<1x6x5x8xf32>)
      outs(%z2 : tensor<1x6x4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x6x4x8xf32>
  return %out : tensor<1x6x4x8xf32>
}

// -----

#id3 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#bc3 = affine_map<(d0, d1, d2) -> (0, d1, d2)>

/// torch's baddbmm(attn_mask, q, k^T) exported: Add(mask, MatMul) with the
/// mask first, a [1, S, S] mask read at index 0, and q scaled by a scalar
/// constant defined outside the generic's body.
// CHECK-LABEL: func.func @mask_first_outer_scalar(
// CHECK-SAME:    %[[Q:[a-zA-Z0-9_]+]]: tensor<4x6x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<4x6x8xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<4x6x8xf32>, %[[M:[a-zA-Z0-9_]+]]: tensor<1x6x6xf32>)
// CHECK:         s2s.scaled_dot_product_attention {{.*}} mask(%[[M]]) scale(0.35355339664408242) : (tensor<1x4x6x8xf32>, tensor<1x4x6x8xf32>, tensor<1x4x6x8xf32>, tensor<1x6x6xf32>)
func.func @mask_first_outer_scalar(%q: tensor<4x6x8xf32>, %k: tensor<4x6x8xf32>,
    %v: tensor<4x6x8xf32>, %mask: tensor<1x6x6xf32>) -> tensor<4x6x8xf32> {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant 2.82842708 : f32
  %eq = tensor.empty() : tensor<4x6x8xf32>
  %qs = linalg.generic {indexing_maps = [#id3, #id3],
      iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%q : tensor<4x6x8xf32>) outs(%eq : tensor<4x6x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    %r = arith.divf %in, %c : f32
    linalg.yield %r : f32
  } -> tensor<4x6x8xf32>
  %e0 = tensor.empty() : tensor<4x8x6xf32>
  %kt = linalg.transpose ins(%k : tensor<4x6x8xf32>)
      outs(%e0 : tensor<4x8x6xf32>) permutation = [0, 2, 1]
  %e1 = tensor.empty() : tensor<4x6x6xf32>
  %z1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<4x6x6xf32>)
      -> tensor<4x6x6xf32>
  %s = linalg.batch_matmul ins(%qs, %kt : tensor<4x6x8xf32>, tensor<4x8x6xf32>)
      outs(%z1 : tensor<4x6x6xf32>) -> tensor<4x6x6xf32>
  %sm = linalg.generic {indexing_maps = [#bc3, #id3, #id3],
      iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%mask, %s : tensor<1x6x6xf32>, tensor<4x6x6xf32>)
      outs(%e1 : tensor<4x6x6xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %r = arith.addf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<4x6x6xf32>
  %p = linalg.softmax dimension(2) ins(%sm : tensor<4x6x6xf32>)
      outs(%e1 : tensor<4x6x6xf32>) -> tensor<4x6x6xf32>
  %e2 = tensor.empty() : tensor<4x6x8xf32>
  %z2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<4x6x8xf32>)
      -> tensor<4x6x8xf32>
  %out = linalg.batch_matmul ins(%p, %v : tensor<4x6x6xf32>, tensor<4x6x8xf32>)
      outs(%z2 : tensor<4x6x8xf32>) -> tensor<4x6x8xf32>
  return %out : tensor<4x6x8xf32>
}

// -----

/// Attention written with rank-4 MatMuls over [B, H, T, D] (GPT-style), as
/// the ONNX importer writes a rank-4 MatMul: batch_matmul between merges of
/// B and H (collapse_shape), split again after (expand_shape). Raised on the
/// rank-4 tensors themselves; the transpose of k is looked through and no
/// reshape is left.
// CHECK-LABEL: func.func @rank4_merged_batch(
// CHECK-SAME:    %[[Q:[a-zA-Z0-9_]+]]: tensor<2x4x8x16xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<2x4x8x16xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x4x8x16xf32>)
// CHECK:         %[[O:.+]] = s2s.scaled_dot_product_attention %[[Q]], %[[K]], %[[V]] scale(2.500000e-01) : (tensor<2x4x8x16xf32>, tensor<2x4x8x16xf32>, tensor<2x4x8x16xf32>) -> tensor<2x4x8x16xf32>
// CHECK-NEXT:    return %[[O]]
#id4 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#scalar4 = affine_map<(d0, d1, d2, d3) -> ()>
func.func @rank4_merged_batch(%q: tensor<2x4x8x16xf32>, %k: tensor<2x4x8x16xf32>,
                              %v: tensor<2x4x8x16xf32>) -> tensor<2x4x8x16xf32> {
  %zero = arith.constant 0.0 : f32
  %c4 = arith.constant dense<4.0> : tensor<f32>
  %e0 = tensor.empty() : tensor<2x4x16x8xf32>
  %kt = linalg.transpose ins(%k : tensor<2x4x8x16xf32>)
      outs(%e0 : tensor<2x4x16x8xf32>) permutation = [0, 1, 3, 2]
  %q3 = tensor.collapse_shape %q [[0, 1], [2], [3]]
      : tensor<2x4x8x16xf32> into tensor<8x8x16xf32>
  %kt3 = tensor.collapse_shape %kt [[0, 1], [2], [3]]
      : tensor<2x4x16x8xf32> into tensor<8x16x8xf32>
  %e1 = tensor.empty() : tensor<8x8x8xf32>
  %z1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<8x8x8xf32>)
      -> tensor<8x8x8xf32>
  %s3 = linalg.batch_matmul ins(%q3, %kt3 : tensor<8x8x16xf32>, tensor<8x16x8xf32>)
      outs(%z1 : tensor<8x8x8xf32>) -> tensor<8x8x8xf32>
  %s = tensor.expand_shape %s3 [[0, 1], [2], [3]] output_shape [2, 4, 8, 8]
      : tensor<8x8x8xf32> into tensor<2x4x8x8xf32>
  %e2 = tensor.empty() : tensor<2x4x8x8xf32>
  %ss = linalg.generic {indexing_maps = [#id4, #scalar4, #id4],
      iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%s, %c4 : tensor<2x4x8x8xf32>, tensor<f32>)
      outs(%e2 : tensor<2x4x8x8xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %r = arith.divf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<2x4x8x8xf32>
  %p = linalg.softmax dimension(3) ins(%ss : tensor<2x4x8x8xf32>)
      outs(%e2 : tensor<2x4x8x8xf32>) -> tensor<2x4x8x8xf32>
  %p3 = tensor.collapse_shape %p [[0, 1], [2], [3]]
      : tensor<2x4x8x8xf32> into tensor<8x8x8xf32>
  %v3 = tensor.collapse_shape %v [[0, 1], [2], [3]]
      : tensor<2x4x8x16xf32> into tensor<8x8x16xf32>
  %e3 = tensor.empty() : tensor<8x8x16xf32>
  %z3 = linalg.fill ins(%zero : f32) outs(%e3 : tensor<8x8x16xf32>)
      -> tensor<8x8x16xf32>
  %o3 = linalg.batch_matmul ins(%p3, %v3 : tensor<8x8x8xf32>, tensor<8x8x16xf32>)
      outs(%z3 : tensor<8x8x16xf32>) -> tensor<8x8x16xf32>
  %o = tensor.expand_shape %o3 [[0, 1], [2], [3]] output_shape [2, 4, 8, 16]
      : tensor<8x8x16xf32> into tensor<2x4x8x16xf32>
  return %o : tensor<2x4x8x16xf32>
}

// -----

/// Not raised: the merged [8, ...] batch of v is split as [4, 2] where the
/// result is split as [2, 4], so v's heads are not the result's.
// CHECK-LABEL: func.func @negative_rank4_heads_differ(
// CHECK-NOT:     s2s.scaled_dot_product_attention
// CHECK:         linalg.softmax
// CHECK:         linalg.batch_matmul
#id4b = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @negative_rank4_heads_differ(%q: tensor<2x4x8x16xf32>,
    %kt: tensor<2x4x16x8xf32>, %v: tensor<4x2x8x16xf32>)
    -> tensor<2x4x8x16xf32> {
  %zero = arith.constant 0.0 : f32
  %q3 = tensor.collapse_shape %q [[0, 1], [2], [3]]
      : tensor<2x4x8x16xf32> into tensor<8x8x16xf32>
  %kt3 = tensor.collapse_shape %kt [[0, 1], [2], [3]]
      : tensor<2x4x16x8xf32> into tensor<8x16x8xf32>
  %e1 = tensor.empty() : tensor<8x8x8xf32>
  %z1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<8x8x8xf32>)
      -> tensor<8x8x8xf32>
  %s3 = linalg.batch_matmul ins(%q3, %kt3 : tensor<8x8x16xf32>, tensor<8x16x8xf32>)
      outs(%z1 : tensor<8x8x8xf32>) -> tensor<8x8x8xf32>
  %s = tensor.expand_shape %s3 [[0, 1], [2], [3]] output_shape [2, 4, 8, 8]
      : tensor<8x8x8xf32> into tensor<2x4x8x8xf32>
  %e2 = tensor.empty() : tensor<2x4x8x8xf32>
  %p = linalg.softmax dimension(3) ins(%s : tensor<2x4x8x8xf32>)
      outs(%e2 : tensor<2x4x8x8xf32>) -> tensor<2x4x8x8xf32>
  %p3 = tensor.collapse_shape %p [[0, 1], [2], [3]]
      : tensor<2x4x8x8xf32> into tensor<8x8x8xf32>
  %v3 = tensor.collapse_shape %v [[0, 1], [2], [3]]
      : tensor<4x2x8x16xf32> into tensor<8x8x16xf32>
  %e3 = tensor.empty() : tensor<8x8x16xf32>
  %z3 = linalg.fill ins(%zero : f32) outs(%e3 : tensor<8x8x16xf32>)
      -> tensor<8x8x16xf32>
  %o3 = linalg.batch_matmul ins(%p3, %v3 : tensor<8x8x8xf32>, tensor<8x8x16xf32>)
      outs(%z3 : tensor<8x8x16xf32>) -> tensor<8x8x16xf32>
  %o = tensor.expand_shape %o3 [[0, 1], [2], [3]] output_shape [2, 4, 8, 16]
      : tensor<8x8x16xf32> into tensor<2x4x8x16xf32>
  return %o : tensor<2x4x8x16xf32>
}

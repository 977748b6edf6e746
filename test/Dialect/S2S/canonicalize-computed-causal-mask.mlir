// RUN: s2s-opt %s --canonicalize -split-input-file | FileCheck %s

// Masks computed at run time from the sequence length T, as the ONNX
// importer emits them for models exported with a dynamic T: the
// canonicalization proves, for every T, that the mask is the causal triangle
// (CausalMask.h), drops it and sets `causal`. Each negative case differs
// from a causal mask somewhere, or cannot be proven to be one.

// -----

/// generate_square_subsequent_mask(T) as exported: Trilu of a -inf fill
/// with k = 1 (hidden where j - i >= 1), multiplied by 1.0, [1, 1, T, T].
// CHECK-LABEL: func.func @sdpa_trilu_mask(
// CHECK-NOT:     linalg.generic
// CHECK:         s2s.scaled_dot_product_attention %{{[^,]+}}, %{{[^,]+}}, %{{[^ ]+}} causal :
func.func @sdpa_trilu_mask(%q: tensor<?x2x?x4xf32>, %k: tensor<?x2x?x4xf32>, %v: tensor<?x2x?x4xf32>) -> tensor<?x2x?x4xf32> {
  %c2 = arith.constant 2 : index
  %t = tensor.dim %q, %c2 : tensor<?x2x?x4xf32>
  %fillv = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.0 : f32
  %one_i64 = arith.constant 1 : i64
  %e = tensor.empty(%t, %t) : tensor<?x?xf32>
  %fill = linalg.fill ins(%fillv : f32) outs(%e : tensor<?x?xf32>) -> tensor<?x?xf32>
  %tri = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%fill : tensor<?x?xf32>) outs(%e : tensor<?x?xf32>) {
  ^bb0(%in: f32, %out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %i64 = arith.index_cast %i : index to i64
    %j64 = arith.index_cast %j : index to i64
    %d = arith.subi %j64, %i64 : i64
    %hide = arith.cmpi sge, %d, %one_i64 : i64
    %m = arith.select %hide, %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<?x?xf32>
  %one = arith.constant dense<1.0> : tensor<f32>
  %scaled = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> ()>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%tri, %one : tensor<?x?xf32>, tensor<f32>) outs(%e : tensor<?x?xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %p = arith.mulf %a, %b : f32
    linalg.yield %p : f32
  } -> tensor<?x?xf32>
  %mask = tensor.expand_shape %scaled [[0, 1, 2], [3]] output_shape [1, 1, %t, %t]
      : tensor<?x?xf32> into tensor<1x1x?x?xf32>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<1x1x?x?xf32>) -> tensor<?x2x?x4xf32>
  return %out : tensor<?x2x?x4xf32>
}

// -----

/// torch.ones(T, T, dtype=bool).tril(): true where j - i <= 0.
// CHECK-LABEL: func.func @sdpa_bool_tril_mask(
// CHECK-NOT:     linalg.generic
// CHECK:         s2s.scaled_dot_product_attention %{{[^,]+}}, %{{[^,]+}}, %{{[^ ]+}} causal :
func.func @sdpa_bool_tril_mask(%q: tensor<?x2x?x4xf32>, %k: tensor<?x2x?x4xf32>, %v: tensor<?x2x?x4xf32>) -> tensor<?x2x?x4xf32> {
  %c2 = arith.constant 2 : index
  %t = tensor.dim %q, %c2 : tensor<?x2x?x4xf32>
  %true = arith.constant true
  %false = arith.constant false
  %zero_i64 = arith.constant 0 : i64
  %ones = tensor.splat %true[%t, %t] : tensor<?x?xi1>
  %e = tensor.empty(%t, %t) : tensor<?x?xi1>
  %mask = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%ones : tensor<?x?xi1>) outs(%e : tensor<?x?xi1>) {
  ^bb0(%in: i1, %out: i1):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %i64 = arith.index_cast %i : index to i64
    %j64 = arith.index_cast %j : index to i64
    %d = arith.subi %j64, %i64 : i64
    %keep = arith.cmpi sle, %d, %zero_i64 : i64
    %m = arith.select %keep, %in, %false : i1
    linalg.yield %m : i1
  } -> tensor<?x?xi1>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x?xi1>) -> tensor<?x2x?x4xf32>
  return %out : tensor<?x2x?x4xf32>
}

// -----

/// arange(T)[None, :] > arange(T)[:, None] marks the hidden keys; the
/// raised attention negates it into a mask of the visible ones.
// CHECK-LABEL: func.func @sdpa_range_mask(
// CHECK-NOT:     linalg.generic
// CHECK:         s2s.scaled_dot_product_attention %{{[^,]+}}, %{{[^,]+}}, %{{[^ ]+}} causal :
func.func @sdpa_range_mask(%q: tensor<?x2x?x4xf32>, %k: tensor<?x2x?x4xf32>, %v: tensor<?x2x?x4xf32>) -> tensor<?x2x?x4xf32> {
  %c2 = arith.constant 2 : index
  %t = tensor.dim %q, %c2 : tensor<?x2x?x4xf32>
  %e1 = tensor.empty(%t) : tensor<?xi64>
  %range = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]}
      outs(%e1 : tensor<?xi64>) {
  ^bb0(%out: i64):
    %i = linalg.index 0 : index
    %i64 = arith.index_cast %i : index to i64
    linalg.yield %i64 : i64
  } -> tensor<?xi64>
  %cols = tensor.expand_shape %range [[0, 1]] output_shape [1, %t] : tensor<?xi64> into tensor<1x?xi64>
  %rows = tensor.expand_shape %range [[0, 1]] output_shape [%t, 1] : tensor<?xi64> into tensor<?x1xi64>
  %e = tensor.empty(%t, %t) : tensor<?x?xi1>
  %later = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (0, d1)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%cols, %rows : tensor<1x?xi64>, tensor<?x1xi64>) outs(%e : tensor<?x?xi1>) {
  ^bb0(%a: i64, %b: i64, %out: i1):
    %c = arith.cmpi sgt, %a, %b : i64
    linalg.yield %c : i1
  } -> tensor<?x?xi1>
  %true = arith.constant true
  %ones = tensor.splat %true[%t, %t] : tensor<?x?xi1>
  %mask = arith.xori %later, %ones : tensor<?x?xi1>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x?xi1>) -> tensor<?x2x?x4xf32>
  return %out : tensor<?x2x?x4xf32>
}

// -----

/// The mask built from k's length, which a check before the attention
/// says equals q's (as the importer checks dimensions named alike).
// CHECK-LABEL: func.func @sdpa_mask_of_checked_size(
// CHECK-NOT:     linalg.generic
// CHECK:         s2s.scaled_dot_product_attention %{{[^,]+}}, %{{[^,]+}}, %{{[^ ]+}} causal :
func.func @sdpa_mask_of_checked_size(%q: tensor<?x2x?x4xf32>, %k: tensor<?x2x?x4xf32>, %v: tensor<?x2x?x4xf32>) -> tensor<?x2x?x4xf32> {
  %c2 = arith.constant 2 : index
  %t = tensor.dim %q, %c2 : tensor<?x2x?x4xf32>
  %fillv = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.0 : f32
  %one_i64 = arith.constant 1 : i64
  %tk = tensor.dim %k, %c2 : tensor<?x2x?x4xf32>
  %same = arith.cmpi eq, %tk, %t : index
  cf.assert %same, "the lengths of q and k must agree"
  %e = tensor.empty(%tk, %tk) : tensor<?x?xf32>
  %fill = linalg.fill ins(%fillv : f32) outs(%e : tensor<?x?xf32>) -> tensor<?x?xf32>
  %mask = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%fill : tensor<?x?xf32>) outs(%e : tensor<?x?xf32>) {
  ^bb0(%in: f32, %out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %i64 = arith.index_cast %i : index to i64
    %j64 = arith.index_cast %j : index to i64
    %d = arith.subi %j64, %i64 : i64
    %hide = arith.cmpi sge, %d, %one_i64 : i64
    %m = arith.select %hide, %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<?x?xf32>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x?xf32>) -> tensor<?x2x?x4xf32>
  return %out : tensor<?x2x?x4xf32>
}

// -----

/// Kept: built from k's length, not known to be q's (a 1 x 1 mask would
/// broadcast over several queries, where `causal` hides keys).
// CHECK-LABEL: func.func @negative_sdpa_mask_of_unchecked_size(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}}) :
func.func @negative_sdpa_mask_of_unchecked_size(%q: tensor<?x2x?x4xf32>, %k: tensor<?x2x?x4xf32>, %v: tensor<?x2x?x4xf32>) -> tensor<?x2x?x4xf32> {
  %c2 = arith.constant 2 : index
  %t = tensor.dim %q, %c2 : tensor<?x2x?x4xf32>
  %fillv = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.0 : f32
  %one_i64 = arith.constant 1 : i64
  %tk = tensor.dim %k, %c2 : tensor<?x2x?x4xf32>
  %e = tensor.empty(%tk, %tk) : tensor<?x?xf32>
  %fill = linalg.fill ins(%fillv : f32) outs(%e : tensor<?x?xf32>) -> tensor<?x?xf32>
  %mask = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%fill : tensor<?x?xf32>) outs(%e : tensor<?x?xf32>) {
  ^bb0(%in: f32, %out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %i64 = arith.index_cast %i : index to i64
    %j64 = arith.index_cast %j : index to i64
    %d = arith.subi %j64, %i64 : i64
    %hide = arith.cmpi sge, %d, %one_i64 : i64
    %m = arith.select %hide, %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<?x?xf32>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x?xf32>) -> tensor<?x2x?x4xf32>
  return %out : tensor<?x2x?x4xf32>
}

// -----

/// Kept: T rows and S columns.
// CHECK-LABEL: func.func @negative_sdpa_mask_rows_cols_differ(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}}) :
func.func @negative_sdpa_mask_rows_cols_differ(%q: tensor<?x2x?x4xf32>, %k: tensor<?x2x?x4xf32>, %v: tensor<?x2x?x4xf32>) -> tensor<?x2x?x4xf32> {
  %c2 = arith.constant 2 : index
  %t = tensor.dim %q, %c2 : tensor<?x2x?x4xf32>
  %fillv = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.0 : f32
  %one_i64 = arith.constant 1 : i64
  %tk = tensor.dim %k, %c2 : tensor<?x2x?x4xf32>
  %e = tensor.empty(%t, %tk) : tensor<?x?xf32>
  %fill = linalg.fill ins(%fillv : f32) outs(%e : tensor<?x?xf32>) -> tensor<?x?xf32>
  %mask = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%fill : tensor<?x?xf32>) outs(%e : tensor<?x?xf32>) {
  ^bb0(%in: f32, %out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %i64 = arith.index_cast %i : index to i64
    %j64 = arith.index_cast %j : index to i64
    %d = arith.subi %j64, %i64 : i64
    %hide = arith.cmpi sge, %d, %one_i64 : i64
    %m = arith.select %hide, %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<?x?xf32>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x?xf32>) -> tensor<?x2x?x4xf32>
  return %out : tensor<?x2x?x4xf32>
}

// -----

/// Kept: k = 0 hides the diagonal too.
// CHECK-LABEL: func.func @negative_sdpa_mask_hides_diagonal(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}}) :
func.func @negative_sdpa_mask_hides_diagonal(%q: tensor<?x2x?x4xf32>, %k: tensor<?x2x?x4xf32>, %v: tensor<?x2x?x4xf32>) -> tensor<?x2x?x4xf32> {
  %c2 = arith.constant 2 : index
  %t = tensor.dim %q, %c2 : tensor<?x2x?x4xf32>
  %fillv = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.0 : f32
  %one_i64 = arith.constant 1 : i64
  %e = tensor.empty(%t, %t) : tensor<?x?xf32>
  %fill = linalg.fill ins(%fillv : f32) outs(%e : tensor<?x?xf32>) -> tensor<?x?xf32>
  %mask = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%fill : tensor<?x?xf32>) outs(%e : tensor<?x?xf32>) {
  ^bb0(%in: f32, %out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %i64 = arith.index_cast %i : index to i64
    %j64 = arith.index_cast %j : index to i64
    %d = arith.subi %j64, %i64 : i64
    %zero_i64 = arith.constant 0 : i64
    %hide = arith.cmpi sge, %d, %zero_i64 : i64
    %m = arith.select %hide, %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<?x?xf32>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x?xf32>) -> tensor<?x2x?x4xf32>
  return %out : tensor<?x2x?x4xf32>
}

// -----

/// Kept: the lower triangle hidden.
// CHECK-LABEL: func.func @negative_sdpa_mask_lower(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}}) :
func.func @negative_sdpa_mask_lower(%q: tensor<?x2x?x4xf32>, %k: tensor<?x2x?x4xf32>, %v: tensor<?x2x?x4xf32>) -> tensor<?x2x?x4xf32> {
  %c2 = arith.constant 2 : index
  %t = tensor.dim %q, %c2 : tensor<?x2x?x4xf32>
  %fillv = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.0 : f32
  %one_i64 = arith.constant 1 : i64
  %e = tensor.empty(%t, %t) : tensor<?x?xf32>
  %fill = linalg.fill ins(%fillv : f32) outs(%e : tensor<?x?xf32>) -> tensor<?x?xf32>
  %mask = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%fill : tensor<?x?xf32>) outs(%e : tensor<?x?xf32>) {
  ^bb0(%in: f32, %out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %i64 = arith.index_cast %i : index to i64
    %j64 = arith.index_cast %j : index to i64
    %d = arith.subi %j64, %i64 : i64
    %m1 = arith.constant -1 : i64
    %hide = arith.cmpi sle, %d, %m1 : i64
    %m = arith.select %hide, %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<?x?xf32>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x?xf32>) -> tensor<?x2x?x4xf32>
  return %out : tensor<?x2x?x4xf32>
}

// -----

/// Kept: causal but for the keys 100 positions back, which it hides too;
/// the proof checks j - i at every constant it is compared with.
// CHECK-LABEL: func.func @negative_sdpa_mask_differs_far_away(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}}) :
func.func @negative_sdpa_mask_differs_far_away(%q: tensor<?x2x?x4xf32>, %k: tensor<?x2x?x4xf32>, %v: tensor<?x2x?x4xf32>) -> tensor<?x2x?x4xf32> {
  %c2 = arith.constant 2 : index
  %t = tensor.dim %q, %c2 : tensor<?x2x?x4xf32>
  %fillv = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.0 : f32
  %one_i64 = arith.constant 1 : i64
  %e = tensor.empty(%t, %t) : tensor<?x?xf32>
  %fill = linalg.fill ins(%fillv : f32) outs(%e : tensor<?x?xf32>) -> tensor<?x?xf32>
  %mask = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%fill : tensor<?x?xf32>) outs(%e : tensor<?x?xf32>) {
  ^bb0(%in: f32, %out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %i64 = arith.index_cast %i : index to i64
    %j64 = arith.index_cast %j : index to i64
    %d = arith.subi %j64, %i64 : i64
    %m100 = arith.constant -100 : i64
    %after = arith.cmpi sge, %d, %one_i64 : i64
    %back = arith.cmpi eq, %d, %m100 : i64
    %hide = arith.ori %after, %back : i1
    %m = arith.select %hide, %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<?x?xf32>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x?xf32>) -> tensor<?x2x?x4xf32>
  return %out : tensor<?x2x?x4xf32>
}

// -----

/// Kept: hidden where i >= 1, a function of the row alone.
// CHECK-LABEL: func.func @negative_sdpa_mask_of_rows(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}}) :
func.func @negative_sdpa_mask_of_rows(%q: tensor<?x2x?x4xf32>, %k: tensor<?x2x?x4xf32>, %v: tensor<?x2x?x4xf32>) -> tensor<?x2x?x4xf32> {
  %c2 = arith.constant 2 : index
  %t = tensor.dim %q, %c2 : tensor<?x2x?x4xf32>
  %fillv = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.0 : f32
  %one_i64 = arith.constant 1 : i64
  %e = tensor.empty(%t, %t) : tensor<?x?xf32>
  %fill = linalg.fill ins(%fillv : f32) outs(%e : tensor<?x?xf32>) -> tensor<?x?xf32>
  %mask = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%fill : tensor<?x?xf32>) outs(%e : tensor<?x?xf32>) {
  ^bb0(%in: f32, %out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %i64 = arith.index_cast %i : index to i64
    %j64 = arith.index_cast %j : index to i64
    %d = arith.subi %j64, %i64 : i64
    %hide = arith.cmpi sge, %i64, %one_i64 : i64
    %m = arith.select %hide, %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<?x?xf32>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x?xf32>) -> tensor<?x2x?x4xf32>
  return %out : tensor<?x2x?x4xf32>
}

// -----

/// Kept: -1e9 is not -inf, nor small enough that every exponential of a
/// masked score is 0.
// CHECK-LABEL: func.func @negative_sdpa_mask_finite(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}}) :
func.func @negative_sdpa_mask_finite(%q: tensor<?x2x?x4xf32>, %k: tensor<?x2x?x4xf32>, %v: tensor<?x2x?x4xf32>) -> tensor<?x2x?x4xf32> {
  %c2 = arith.constant 2 : index
  %t = tensor.dim %q, %c2 : tensor<?x2x?x4xf32>
  %fillv = arith.constant -1.0e+09 : f32
  %zero = arith.constant 0.0 : f32
  %one_i64 = arith.constant 1 : i64
  %e = tensor.empty(%t, %t) : tensor<?x?xf32>
  %fill = linalg.fill ins(%fillv : f32) outs(%e : tensor<?x?xf32>) -> tensor<?x?xf32>
  %mask = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%fill : tensor<?x?xf32>) outs(%e : tensor<?x?xf32>) {
  ^bb0(%in: f32, %out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %i64 = arith.index_cast %i : index to i64
    %j64 = arith.index_cast %j : index to i64
    %d = arith.subi %j64, %i64 : i64
    %hide = arith.cmpi sge, %d, %one_i64 : i64
    %m = arith.select %hide, %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<?x?xf32>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x?xf32>) -> tensor<?x2x?x4xf32>
  return %out : tensor<?x2x?x4xf32>
}

// -----

/// Kept: a diagonal offset computed from sizes known at run time only.
// CHECK-LABEL: func.func @negative_sdpa_mask_offset_of_sizes(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}}) :
func.func @negative_sdpa_mask_offset_of_sizes(%q: tensor<?x2x?x4xf32>, %k: tensor<?x2x?x4xf32>, %v: tensor<?x2x?x4xf32>) -> tensor<?x2x?x4xf32> {
  %c2 = arith.constant 2 : index
  %t = tensor.dim %q, %c2 : tensor<?x2x?x4xf32>
  %fillv = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.0 : f32
  %one_i64 = arith.constant 1 : i64
  %tk = tensor.dim %k, %c2 : tensor<?x2x?x4xf32>
  %e = tensor.empty(%t, %t) : tensor<?x?xf32>
  %fill = linalg.fill ins(%fillv : f32) outs(%e : tensor<?x?xf32>) -> tensor<?x?xf32>
  %mask = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%fill : tensor<?x?xf32>) outs(%e : tensor<?x?xf32>) {
  ^bb0(%in: f32, %out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %i64 = arith.index_cast %i : index to i64
    %j64 = arith.index_cast %j : index to i64
    %d = arith.subi %j64, %i64 : i64
    %s64 = arith.index_cast %tk : index to i64
    %t64 = arith.index_cast %t : index to i64
    %off = arith.subi %s64, %t64 : i64
    %off1 = arith.addi %off, %one_i64 : i64
    %hide = arith.cmpi sge, %d, %off1 : i64
    %m = arith.select %hide, %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<?x?xf32>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x?xf32>) -> tensor<?x2x?x4xf32>
  return %out : tensor<?x2x?x4xf32>
}

// -----

/// Kept: j - i compared in 8 bits, which wraps for long sequences.
// CHECK-LABEL: func.func @negative_sdpa_mask_narrow_difference(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}}) :
func.func @negative_sdpa_mask_narrow_difference(%q: tensor<?x2x?x4xf32>, %k: tensor<?x2x?x4xf32>, %v: tensor<?x2x?x4xf32>) -> tensor<?x2x?x4xf32> {
  %c2 = arith.constant 2 : index
  %t = tensor.dim %q, %c2 : tensor<?x2x?x4xf32>
  %fillv = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.0 : f32
  %one_i64 = arith.constant 1 : i64
  %e = tensor.empty(%t, %t) : tensor<?x?xf32>
  %fill = linalg.fill ins(%fillv : f32) outs(%e : tensor<?x?xf32>) -> tensor<?x?xf32>
  %mask = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%fill : tensor<?x?xf32>) outs(%e : tensor<?x?xf32>) {
  ^bb0(%in: f32, %out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %i64 = arith.index_cast %i : index to i64
    %j64 = arith.index_cast %j : index to i64
    %d = arith.subi %j64, %i64 : i64
    %d8 = arith.trunci %d : i64 to i8
    %one_i8 = arith.constant 1 : i8
    %hide = arith.cmpi sge, %d8, %one_i8 : i8
    %m = arith.select %hide, %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<?x?xf32>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x?xf32>) -> tensor<?x2x?x4xf32>
  return %out : tensor<?x2x?x4xf32>
}

// -----

/// nanoGPT: a constant tril buffer [1, 1, 8, 8] sliced to [:T, :T], == 0
/// marking the hidden keys. Read along its diagonals, the slice is a
/// function of j - i (for T <= 8, which the slice's sizes imply).
// CHECK-LABEL: func.func @sdpa_sliced_buffer_mask(
// CHECK-NOT:     linalg.generic
// CHECK:         s2s.scaled_dot_product_attention %{{[^,]+}}, %{{[^,]+}}, %{{[^ ]+}} causal :
func.func @sdpa_sliced_buffer_mask(%q: tensor<?x2x?x4xf32>, %k: tensor<?x2x?x4xf32>, %v: tensor<?x2x?x4xf32>) -> tensor<?x2x?x4xf32> {
  %c2 = arith.constant 2 : index
  %t = tensor.dim %q, %c2 : tensor<?x2x?x4xf32>
  %buf = arith.constant dense<[[[[1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]]]]> : tensor<1x1x8x8xf32>
  %slice = tensor.extract_slice %buf[0, 0, 0, 0] [1, 1, %t, %t] [1, 1, 1, 1]
      : tensor<1x1x8x8xf32> to tensor<1x1x?x?xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty(%t, %t) : tensor<1x1x?x?xi1>
  %hidden = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%slice : tensor<1x1x?x?xf32>) outs(%e : tensor<1x1x?x?xi1>) {
  ^bb0(%in: f32, %out: i1):
    %c = arith.cmpf oeq, %in, %zero : f32
    linalg.yield %c : i1
  } -> tensor<1x1x?x?xi1>
  %true = arith.constant true
  %ones = tensor.splat %true[%t, %t] : tensor<1x1x?x?xi1>
  %mask = arith.xori %hidden, %ones : tensor<1x1x?x?xi1>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<1x1x?x?xi1>) -> tensor<?x2x?x4xf32>
  return %out : tensor<?x2x?x4xf32>
}

// -----

/// A slice starting one row and one column in: the same diagonals.
// CHECK-LABEL: func.func @sdpa_sliced_buffer_mask_at_diagonal(
// CHECK-NOT:     linalg.generic
// CHECK:         s2s.scaled_dot_product_attention %{{[^,]+}}, %{{[^,]+}}, %{{[^ ]+}} causal :
func.func @sdpa_sliced_buffer_mask_at_diagonal(%q: tensor<?x2x?x4xf32>, %k: tensor<?x2x?x4xf32>, %v: tensor<?x2x?x4xf32>) -> tensor<?x2x?x4xf32> {
  %c2 = arith.constant 2 : index
  %t = tensor.dim %q, %c2 : tensor<?x2x?x4xf32>
  %buf = arith.constant dense<[[[[1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]]]]> : tensor<1x1x8x8xf32>
  %slice = tensor.extract_slice %buf[0, 0, 1, 1] [1, 1, %t, %t] [1, 1, 1, 1]
      : tensor<1x1x8x8xf32> to tensor<1x1x?x?xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty(%t, %t) : tensor<1x1x?x?xi1>
  %hidden = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%slice : tensor<1x1x?x?xf32>) outs(%e : tensor<1x1x?x?xi1>) {
  ^bb0(%in: f32, %out: i1):
    %c = arith.cmpf oeq, %in, %zero : f32
    linalg.yield %c : i1
  } -> tensor<1x1x?x?xi1>
  %true = arith.constant true
  %ones = tensor.splat %true[%t, %t] : tensor<1x1x?x?xi1>
  %mask = arith.xori %hidden, %ones : tensor<1x1x?x?xi1>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<1x1x?x?xi1>) -> tensor<?x2x?x4xf32>
  return %out : tensor<?x2x?x4xf32>
}

// -----

/// Kept: a slice starting one column in shows the diagonal hidden.
// CHECK-LABEL: func.func @negative_sdpa_sliced_buffer_mask_shifted(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}}) :
func.func @negative_sdpa_sliced_buffer_mask_shifted(%q: tensor<?x2x?x4xf32>, %k: tensor<?x2x?x4xf32>, %v: tensor<?x2x?x4xf32>) -> tensor<?x2x?x4xf32> {
  %c2 = arith.constant 2 : index
  %t = tensor.dim %q, %c2 : tensor<?x2x?x4xf32>
  %buf = arith.constant dense<[[[[1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]]]]> : tensor<1x1x8x8xf32>
  %slice = tensor.extract_slice %buf[0, 0, 0, 1] [1, 1, %t, %t] [1, 1, 1, 1]
      : tensor<1x1x8x8xf32> to tensor<1x1x?x?xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty(%t, %t) : tensor<1x1x?x?xi1>
  %hidden = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%slice : tensor<1x1x?x?xf32>) outs(%e : tensor<1x1x?x?xi1>) {
  ^bb0(%in: f32, %out: i1):
    %c = arith.cmpf oeq, %in, %zero : f32
    linalg.yield %c : i1
  } -> tensor<1x1x?x?xi1>
  %true = arith.constant true
  %ones = tensor.splat %true[%t, %t] : tensor<1x1x?x?xi1>
  %mask = arith.xori %hidden, %ones : tensor<1x1x?x?xi1>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<1x1x?x?xi1>) -> tensor<?x2x?x4xf32>
  return %out : tensor<?x2x?x4xf32>
}

// -----

/// Kept: one element of the buffer off its diagonal's value.
// CHECK-LABEL: func.func @negative_sdpa_buffer_not_diagonal(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}}) :
func.func @negative_sdpa_buffer_not_diagonal(%q: tensor<?x2x?x4xf32>, %k: tensor<?x2x?x4xf32>, %v: tensor<?x2x?x4xf32>) -> tensor<?x2x?x4xf32> {
  %c2 = arith.constant 2 : index
  %t = tensor.dim %q, %c2 : tensor<?x2x?x4xf32>
  %buf = arith.constant dense<[[[[1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0], [1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]]]]> : tensor<1x1x8x8xf32>
  %slice = tensor.extract_slice %buf[0, 0, 0, 0] [1, 1, %t, %t] [1, 1, 1, 1]
      : tensor<1x1x8x8xf32> to tensor<1x1x?x?xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty(%t, %t) : tensor<1x1x?x?xi1>
  %hidden = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%slice : tensor<1x1x?x?xf32>) outs(%e : tensor<1x1x?x?xi1>) {
  ^bb0(%in: f32, %out: i1):
    %c = arith.cmpf oeq, %in, %zero : f32
    linalg.yield %c : i1
  } -> tensor<1x1x?x?xi1>
  %true = arith.constant true
  %ones = tensor.splat %true[%t, %t] : tensor<1x1x?x?xi1>
  %mask = arith.xori %hidden, %ones : tensor<1x1x?x?xi1>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<1x1x?x?xi1>) -> tensor<?x2x?x4xf32>
  return %out : tensor<?x2x?x4xf32>
}

// -----

/// Kept: j - i or 150 - (j - i), picked by j - i >= 100, compared with 0:
/// causal near the diagonal, but visible again from j - i = 150 on. An
/// integer select of values that depend on i and j is not followed.
// CHECK-LABEL: func.func @negative_sdpa_mask_select_of_differences(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}}) :
func.func @negative_sdpa_mask_select_of_differences(%q: tensor<?x2x?x4xf32>, %k: tensor<?x2x?x4xf32>, %v: tensor<?x2x?x4xf32>) -> tensor<?x2x?x4xf32> {
  %c2 = arith.constant 2 : index
  %t = tensor.dim %q, %c2 : tensor<?x2x?x4xf32>
  %e = tensor.empty(%t, %t) : tensor<?x?xi1>
  %mask = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      outs(%e : tensor<?x?xi1>) {
  ^bb0(%out: i1):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %d = arith.subi %j, %i : index
    %c0 = arith.constant 0 : index
    %c100 = arith.constant 100 : index
    %c150 = arith.constant 150 : index
    %far = arith.cmpi sge, %d, %c100 : index
    %r = arith.subi %c150, %d : index
    %x = arith.select %far, %r, %d : index
    %keep = arith.cmpi sle, %x, %c0 : index
    linalg.yield %keep : i1
  } -> tensor<?x?xi1>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x?xi1>) -> tensor<?x2x?x4xf32>
  return %out : tensor<?x2x?x4xf32>
}

// -----

/// Kept: an unsigned comparison of j - 5 with j holds from j = 5 on, though
/// their difference is a constant; it is not evaluated symbolically.
// CHECK-LABEL: func.func @negative_sdpa_mask_unsigned_compare(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}}) :
func.func @negative_sdpa_mask_unsigned_compare(%q: tensor<?x2x?x4xf32>, %k: tensor<?x2x?x4xf32>, %v: tensor<?x2x?x4xf32>) -> tensor<?x2x?x4xf32> {
  %c2 = arith.constant 2 : index
  %t = tensor.dim %q, %c2 : tensor<?x2x?x4xf32>
  %e = tensor.empty(%t, %t) : tensor<?x?xi1>
  %mask = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      outs(%e : tensor<?x?xi1>) {
  ^bb0(%out: i1):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %d = arith.subi %j, %i : index
    %c0 = arith.constant 0 : index
    %c5 = arith.constant 5 : index
    %false = arith.constant false
    %causal = arith.cmpi sle, %d, %c0 : index
    %a = arith.subi %j, %c5 : index
    %u = arith.cmpi ult, %a, %j : index
    %keep = arith.select %u, %false, %causal : i1
    linalg.yield %keep : i1
  } -> tensor<?x?xi1>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x?xi1>) -> tensor<?x2x?x4xf32>
  return %out : tensor<?x2x?x4xf32>
}

// -----

/// Kept: the causal mask added to itself in i1 wraps to false everywhere.
// CHECK-LABEL: func.func @negative_sdpa_mask_i1_sum(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}}) :
func.func @negative_sdpa_mask_i1_sum(%q: tensor<?x2x?x4xf32>, %k: tensor<?x2x?x4xf32>, %v: tensor<?x2x?x4xf32>) -> tensor<?x2x?x4xf32> {
  %c2 = arith.constant 2 : index
  %t = tensor.dim %q, %c2 : tensor<?x2x?x4xf32>
  %e = tensor.empty(%t, %t) : tensor<?x?xi1>
  %mask = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      outs(%e : tensor<?x?xi1>) {
  ^bb0(%out: i1):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %d = arith.subi %j, %i : index
    %c0 = arith.constant 0 : index
    %causal = arith.cmpi sle, %d, %c0 : index
    %keep = arith.addi %causal, %causal : i1
    linalg.yield %keep : i1
  } -> tensor<?x?xi1>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x?xi1>) -> tensor<?x2x?x4xf32>
  return %out : tensor<?x2x?x4xf32>
}

// -----

/// Kept: fast-math flags let the backend compute other values than the
/// exact ones the proof computes.
// CHECK-LABEL: func.func @negative_sdpa_mask_fastmath(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}}) :
func.func @negative_sdpa_mask_fastmath(%q: tensor<?x2x?x4xf32>, %k: tensor<?x2x?x4xf32>, %v: tensor<?x2x?x4xf32>) -> tensor<?x2x?x4xf32> {
  %c2 = arith.constant 2 : index
  %t = tensor.dim %q, %c2 : tensor<?x2x?x4xf32>
  %fillv = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.0 : f32
  %one_i64 = arith.constant 1 : i64
  %e = tensor.empty(%t, %t) : tensor<?x?xf32>
  %fill = linalg.fill ins(%fillv : f32) outs(%e : tensor<?x?xf32>) -> tensor<?x?xf32>
  %tri = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%fill : tensor<?x?xf32>) outs(%e : tensor<?x?xf32>) {
  ^bb0(%in: f32, %out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %i64 = arith.index_cast %i : index to i64
    %j64 = arith.index_cast %j : index to i64
    %d = arith.subi %j64, %i64 : i64
    %hide = arith.cmpi sge, %d, %one_i64 : i64
    %m = arith.select %hide, %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<?x?xf32>
  %one = arith.constant dense<1.0> : tensor<f32>
  %mask = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> ()>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%tri, %one : tensor<?x?xf32>, tensor<f32>) outs(%e : tensor<?x?xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %p = arith.mulf %a, %b fastmath<fast> : f32
    linalg.yield %p : f32
  } -> tensor<?x?xf32>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x?xf32>) -> tensor<?x2x?x4xf32>
  return %out : tensor<?x2x?x4xf32>
}

// -----

/// Kept, and no crash: a mask cast from an unranked tensor.
// CHECK-LABEL: func.func @negative_sdpa_mask_unranked_source(
// CHECK:         s2s.scaled_dot_product_attention %{{.+}}, %{{.+}}, %{{.+}} mask(%{{.+}}) :
func.func @negative_sdpa_mask_unranked_source(%q: tensor<?x2x?x4xf32>, %k: tensor<?x2x?x4xf32>, %v: tensor<?x2x?x4xf32>, %u: tensor<*xf32>) -> tensor<?x2x?x4xf32> {
  %c2 = arith.constant 2 : index
  %t = tensor.dim %q, %c2 : tensor<?x2x?x4xf32>
  %mask = tensor.cast %u : tensor<*xf32> to tensor<?x?xf32>
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x2x?x4xf32>, tensor<?x?xf32>) -> tensor<?x2x?x4xf32>
  return %out : tensor<?x2x?x4xf32>
}

// -----

/// Multi-head attention (sequence first) with a computed causal attn_mask.
// CHECK-LABEL: func.func @mha_computed_causal_attn_mask(
// CHECK-NOT:     linalg.generic
// CHECK:         s2s.multi_head_attention %{{.+}} in_proj_weight(%{{.+}}) out_proj_weight(%{{.+}}) num_heads(2) causal :
func.func @mha_computed_causal_attn_mask(%x: tensor<?x?x8xf32>,
    %w_in: tensor<24x8xf32>, %w_out: tensor<8x8xf32>) -> tensor<?x?x8xf32> {
  %c0 = arith.constant 0 : index
  %t = tensor.dim %x, %c0 : tensor<?x?x8xf32>
  %fillv = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.0 : f32
  %one_i64 = arith.constant 1 : i64
  %e = tensor.empty(%t, %t) : tensor<?x?xf32>
  %fill = linalg.fill ins(%fillv : f32) outs(%e : tensor<?x?xf32>) -> tensor<?x?xf32>
  %mask = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%fill : tensor<?x?xf32>) outs(%e : tensor<?x?xf32>) {
  ^bb0(%in: f32, %out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %i64 = arith.index_cast %i : index to i64
    %j64 = arith.index_cast %j : index to i64
    %d = arith.subi %j64, %i64 : i64
    %hide = arith.cmpi sge, %d, %one_i64 : i64
    %m = arith.select %hide, %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<?x?xf32>
  %out = s2s.multi_head_attention %x in_proj_weight(%w_in)
      out_proj_weight(%w_out) attn_mask(%mask) num_heads(2)
      : (tensor<?x?x8xf32>, tensor<24x8xf32>, tensor<8x8xf32>,
         tensor<?x?xf32>) -> tensor<?x?x8xf32>
  return %out : tensor<?x?x8xf32>
}

// -----

/// Kept: with batch_first the sequence is dimension 1, not the mask's
/// dimension 0 of x.
// CHECK-LABEL: func.func @negative_mha_mask_of_batch(
// CHECK:         s2s.multi_head_attention %{{.+}} attn_mask(%{{.+}}) num_heads(2) batch_first :
func.func @negative_mha_mask_of_batch(%x: tensor<?x?x8xf32>,
    %w_in: tensor<24x8xf32>, %w_out: tensor<8x8xf32>) -> tensor<?x?x8xf32> {
  %c0 = arith.constant 0 : index
  %t = tensor.dim %x, %c0 : tensor<?x?x8xf32>
  %fillv = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.0 : f32
  %one_i64 = arith.constant 1 : i64
  %e = tensor.empty(%t, %t) : tensor<?x?xf32>
  %fill = linalg.fill ins(%fillv : f32) outs(%e : tensor<?x?xf32>) -> tensor<?x?xf32>
  %mask = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%fill : tensor<?x?xf32>) outs(%e : tensor<?x?xf32>) {
  ^bb0(%in: f32, %out: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %i64 = arith.index_cast %i : index to i64
    %j64 = arith.index_cast %j : index to i64
    %d = arith.subi %j64, %i64 : i64
    %hide = arith.cmpi sge, %d, %one_i64 : i64
    %m = arith.select %hide, %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<?x?xf32>
  %out = s2s.multi_head_attention %x in_proj_weight(%w_in)
      out_proj_weight(%w_out) attn_mask(%mask) num_heads(2) batch_first
      : (tensor<?x?x8xf32>, tensor<24x8xf32>, tensor<8x8xf32>,
         tensor<?x?xf32>) -> tensor<?x?x8xf32>
  return %out : tensor<?x?x8xf32>
}

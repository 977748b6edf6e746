// RUN: s2s-opt %s --convert-s2s-to-linalg-tiled-attention --convert-s2s-to-linalg --canonicalize --split-input-file | FileCheck %s

// The cached multi-head attention and the cross-attention of a decoding
// loop: what convert-s2s-to-linalg makes of the keys and values.

/// One decoding step: the packed projection's K and V columns, split into
/// heads [B, H, S, hd] (the caches' layout), are written into the caches at
/// the clamped position (tensor.insert_slice: in place once bufferized);
/// the attention reads the valid prefix [0, pos + 1) of the caches and of
/// the key padding mask, which covers the capacity; the results are the
/// updated caches.
// CHECK-LABEL: func.func @cached(
// CHECK-SAME:      %{{[a-z0-9]+}}: tensor<2x1x8xf32>, %[[KC:[a-z0-9]+]]: tensor<2x2x16x4xf32>, %[[VC:[a-z0-9]+]]: tensor<2x2x16x4xf32>, %[[POS:[a-z0-9]+]]: index, {{.*}}, %[[KPM:[a-z0-9]+]]: tensor<2x16xi1>)
// CHECK:         %[[QKV:.+]] = linalg.generic
// CHECK:         } -> tensor<2x24xf32>
// CHECK:         %[[K_COLS:.+]] = tensor.extract_slice %[[QKV]][0, 8] [2, 8] [1, 1]
// CHECK:         %[[K_SPLIT:.+]] = tensor.expand_shape %[[K_COLS]] {{\[}}[0, 1], [2, 3]] output_shape [2, 1, 2, 4]
// CHECK:         %[[K:.+]] = linalg.transpose ins(%[[K_SPLIT]] : tensor<2x1x2x4xf32>) outs(%{{.+}} : tensor<2x2x1x4xf32>) permutation = [0, 2, 1, 3]
// CHECK:         %[[V:.+]] = linalg.transpose
// CHECK:         %[[HIGH:.+]] = arith.minsi %[[POS]], %c15 : index
// CHECK:         %[[AT:.+]] = arith.maxsi %[[HIGH]], %c0 : index
// CHECK:         %[[K_CACHE:.+]] = tensor.insert_slice %[[K]] into %[[KC]][0, 0, %[[AT]], 0] [2, 2, 1, 4] [1, 1, 1, 1]
// CHECK:         %[[LEN:.+]] = arith.addi %[[AT]], %c1 : index
// CHECK:         %[[KEYS:.+]] = tensor.extract_slice %[[K_CACHE]][0, 0, 0, 0] [2, 2, %[[LEN]], 4] [1, 1, 1, 1] : tensor<2x2x16x4xf32> to tensor<2x2x?x4xf32>
// CHECK:         %[[V_CACHE:.+]] = tensor.insert_slice %[[V]] into %[[VC]]
// CHECK:         %[[VALUES:.+]] = tensor.extract_slice %[[V_CACHE]]
// CHECK:         tensor.extract_slice %[[KPM]][0, 0] [2, %[[LEN]]] [1, 1] : tensor<2x16xi1> to tensor<2x?xi1>
// CHECK:         scf.forall
// CHECK:           tensor.extract_slice %[[KEYS]]
// CHECK:           tensor.extract_slice %[[VALUES]]
// CHECK:         return %{{.+}}, %[[K_CACHE]], %[[V_CACHE]]
func.func @cached(%x: tensor<2x1x8xf32>, %kc: tensor<2x2x16x4xf32>,
    %vc: tensor<2x2x16x4xf32>, %pos: index, %w_in: tensor<24x8xf32>,
    %w_out: tensor<8x8xf32>, %kpm: tensor<2x16xi1>)
    -> (tensor<2x1x8xf32>, tensor<2x2x16x4xf32>, tensor<2x2x16x4xf32>) {
  %out, %k, %v = s2s.cached_multi_head_attention %x cache(%kc, %vc) at(%pos)
      in_proj_weight(%w_in) out_proj_weight(%w_out) key_padding_mask(%kpm)
      num_heads(2) batch_first
      : (tensor<2x1x8xf32>, tensor<2x2x16x4xf32>, tensor<2x2x16x4xf32>, index,
         tensor<24x8xf32>, tensor<8x8xf32>, tensor<2x16xi1>)
      -> (tensor<2x1x8xf32>, tensor<2x2x16x4xf32>, tensor<2x2x16x4xf32>)
  return %out, %k, %v
      : tensor<2x1x8xf32>, tensor<2x2x16x4xf32>, tensor<2x2x16x4xf32>
}

// -----

/// Cross-attention in a decoding loop over one encoded source: the keys and
/// values (the memory, defined outside the loop) are projected once, before
/// the loop; the queries, which the loop carries, inside it.
// CHECK-LABEL: func.func @cross_in_loop(
// CHECK-SAME:      %{{[a-z0-9]+}}: tensor<2x1x8xf32>, %[[MEMORY:[a-z0-9]+]]: tensor<2x5x8xf32>
// CHECK:         %[[M_FLAT:.+]] = tensor.collapse_shape %[[MEMORY]]
// CHECK:         linalg.generic {{.*}} ins(%[[M_FLAT]], %{{.+}} : tensor<10x8xf32>, tensor<8x8xf32>)
// CHECK:         %[[M_FLAT2:.+]] = tensor.collapse_shape %[[MEMORY]]
// CHECK:         linalg.generic {{.*}} ins(%[[M_FLAT2]], %{{.+}} : tensor<10x8xf32>, tensor<8x8xf32>)
// CHECK:         scf.for %{{.+}} iter_args(%[[H:.+]] = %{{.+}})
// CHECK-NOT:       tensor.collapse_shape %[[MEMORY]]
// CHECK:           tensor.collapse_shape %[[H]]
// CHECK-NOT:       tensor.collapse_shape %[[MEMORY]]
// CHECK:           scf.yield
func.func @cross_in_loop(%x: tensor<2x1x8xf32>, %memory: tensor<2x5x8xf32>,
    %w_in: tensor<24x8xf32>, %b_in: tensor<24xf32>, %w_out: tensor<8x8xf32>,
    %n: index) -> tensor<2x1x8xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%h = %x)
      -> tensor<2x1x8xf32> {
    %out = s2s.multi_head_attention %h, %memory, %memory
        in_proj_weight(%w_in) in_proj_bias(%b_in) out_proj_weight(%w_out)
        num_heads(2) batch_first
        : (tensor<2x1x8xf32>, tensor<2x5x8xf32>, tensor<2x5x8xf32>,
           tensor<24x8xf32>, tensor<24xf32>, tensor<8x8xf32>)
        -> tensor<2x1x8xf32>
    scf.yield %out : tensor<2x1x8xf32>
  }
  return %r : tensor<2x1x8xf32>
}

// -----

/// Keys the loop computes itself (its own state): projected in the loop.
// CHECK-LABEL: func.func @negative_keys_from_loop(
// CHECK:         scf.for %{{.+}} iter_args(%[[H:.+]] = %{{.+}})
// CHECK:           tensor.collapse_shape %[[H]]
// CHECK:           %[[M_FLAT:.+]] = tensor.collapse_shape %[[H]]
// CHECK:           linalg.generic {{.*}} ins(%[[M_FLAT]], %{{.+}} : tensor<2x8xf32>, tensor<8x8xf32>)
// CHECK:           scf.yield
func.func @negative_keys_from_loop(%x: tensor<2x1x8xf32>,
    %w_in: tensor<24x8xf32>, %w_out: tensor<8x8xf32>, %n: index)
    -> tensor<2x1x8xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%h = %x)
      -> tensor<2x1x8xf32> {
    %out = s2s.multi_head_attention %x, %h, %h in_proj_weight(%w_in)
        out_proj_weight(%w_out) num_heads(2) batch_first
        : (tensor<2x1x8xf32>, tensor<2x1x8xf32>, tensor<2x1x8xf32>,
           tensor<24x8xf32>, tensor<8x8xf32>) -> tensor<2x1x8xf32>
    scf.yield %out : tensor<2x1x8xf32>
  }
  return %r : tensor<2x1x8xf32>
}

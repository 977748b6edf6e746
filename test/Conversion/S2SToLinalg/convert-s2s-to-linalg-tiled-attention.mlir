// RUN: s2s-opt %s --convert-s2s-to-linalg-tiled-attention="attention-block-q=8 attention-block-k=16" --convert-s2s-to-linalg --cse -split-input-file | FileCheck %s
// RUN: s2s-opt %s --convert-s2s-to-linalg-tiled-attention="attention-block-q=8 attention-block-k=16 polynomial-exp=false" --convert-s2s-to-linalg --cse -split-input-file | FileCheck %s --check-prefix=LIBM

// The default lowering of s2s.scaled_dot_product_attention and of
// s2s.multi_head_attention without need_weights: FlashAttention's schedule.

/// The (batch, head, query block) triples are independent: an scf.forall,
/// whose iterations insert their block with tensor.parallel_insert_slice.
/// Per triple, the query block is transposed and scaled once (qT [D, 8]),
/// and a loop over key blocks carries the running maximum [8], the running
/// sum [8] and the output accumulator [8, D]; the scores exist only as
/// transposed [16, 8] blocks (keys x queries: both contractions run along
/// contiguous query columns), never as [Tq, Tk] = [32, 40]. Keys
/// 32..39 are a shorter last block after the loop. The key/value head of
/// grouped-query attention is h / 2.
// CHECK-DAG: #[[$TRANSPOSE:.+]] = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-DAG: #[[$ID2:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @sdpa_tiled(
// CHECK-NOT:     tensor<1x4x32x40xf32>
// CHECK-NOT:     tensor<32x40xf32>
// CHECK:         scf.forall (%[[B:.+]], %[[H:.+]], %[[QB:.+]]) = (0, 0, 0) to (1, 4, 32) step (1, 1, 8) shared_outs(%[[OUT:.+]] = %{{.+}}) -> (tensor<1x4x32x6xf32>)
// CHECK:             %[[KV:.+]] = arith.divui %[[H]], %c2{{.*}} : index
// CHECK:             %[[QT:.+]] = linalg.generic {indexing_maps = [#[[$TRANSPOSE]], #[[$ID2]]]
// CHECK-SAME:            ins(%{{.+}} : tensor<8x8xf32>) outs(%{{.+}} : tensor<8x8xf32>)
// CHECK:               arith.mulf %{{.+}}, %cst{{.*}} : f32
// CHECK:               linalg.fill ins(%{{.+}} : f32) outs(%{{.+}} : tensor<8xf32>)
// CHECK:               %[[STATE:.+]]:3 = scf.for %[[KB:.+]] = %c0 to %c32{{.*}} step %c16{{.*}} iter_args(
// CHECK-SAME:              -> (tensor<8xf32>, tensor<8xf32>, tensor<8x6xf32>)
// CHECK:                 %[[KBLK:.+]] = tensor.extract_slice %{{.+}}[%[[B]], %[[KV]], %[[KB]], 0] [1, 1, 16, 8]
// CHECK:                 %[[ST:.+]] = linalg.generic {{.+}} ins(%[[KBLK]], %[[QT]] : tensor<16x8xf32>, tensor<8x8xf32>) outs(%{{.+}} : tensor<16x8xf32>)
/// The block maximum over keys as x > a ? x : a (one vector max; a NaN
/// score still reaches the output through its exponential).
// CHECK:                 %[[BMAX:.+]] = linalg.generic {{.+}} iterator_types = ["reduction", "parallel"]} ins(%[[ST]] : tensor<16x8xf32>) outs(%{{.+}} : tensor<8xf32>)
// CHECK-NEXT:              ^bb0(%[[X:[a-zA-Z0-9_]+]]: f32, %[[A:[a-zA-Z0-9_]+]]: f32):
// CHECK-NEXT:              %[[GT:.+]] = arith.cmpf ogt, %[[X]], %[[A]] : f32
// CHECK-NEXT:              %[[MAX:.+]] = arith.select %[[GT]], %[[X]], %[[A]] : f32
// CHECK-NEXT:              linalg.yield %[[MAX]] : f32
/// Per query: m' = max(m, block max), the shift of the exponentials (m', or
/// 0 while m' is -inf) and alpha = exp(m - shift) (the polynomial exp).
// CHECK:                 %[[MA:.+]]:3 = linalg.generic {{.+}} ins(%[[BMAX]] : tensor<8xf32>)
// CHECK:                   %[[MNEW:.+]] = arith.maximumf
// CHECK-NEXT:              %[[NONE:.+]] = arith.cmpf oeq, %[[MNEW]]
// CHECK-NEXT:              %[[SHIFT:.+]] = arith.select %[[NONE]], %{{.+}}, %[[MNEW]]
// CHECK-NEXT:              arith.subf %{{.+}}, %[[SHIFT]]
// CHECK:                   arith.shli
// CHECK:                   linalg.yield %[[MNEW]], %{{.+}}, %[[SHIFT]]
/// p = exp(s - shift) and its column sums, in one pass over the block.
// CHECK:                 linalg.generic {{.+}} ins(%[[ST]], %[[MA]]#2 : tensor<16x8xf32>, tensor<8xf32>)
// CHECK-NEXT:              ^bb0(
// CHECK-NEXT:              arith.subf
// CHECK:                   arith.shli
// CHECK:                   arith.addf
// CHECK:                 scf.yield {{.+}} : tensor<8xf32>, tensor<8xf32>, tensor<8x6xf32>
// CHECK:               %[[KTAIL:.+]] = tensor.extract_slice %{{.+}}[%[[B]], %[[KV]], %c32{{.*}}, 0] [1, 1, 8, 8]
// CHECK:               linalg.generic {{.+}} ins(%[[KTAIL]], %[[QT]] : tensor<8x8xf32>, tensor<8x8xf32>) outs(%{{.+}} : tensor<8x8xf32>)
// CHECK:               arith.divf
// CHECK:             scf.forall.in_parallel
// CHECK-NEXT:          tensor.parallel_insert_slice %{{.+}} into %[[OUT]][%[[B]], %[[H]], %[[QB]], 0] [1, 1, 8, 6]
// CHECK-NOT:     tensor<32x40xf32>
/// polynomial-exp=false: the exponentials are math.exp (for
/// s2s-linalg-approximate-math or libm), 0 where their argument is -inf.
// LIBM-LABEL: func.func @sdpa_tiled(
// LIBM-NOT:     arith.shli
// LIBM:         %[[X:.+]] = arith.subf
// LIBM-NEXT:    %[[NEG_INF:.+]] = arith.cmpf oeq, %[[X]], %{{.+}} : f32
// LIBM-NEXT:    %[[E:.+]] = math.exp %[[X]] : f32
// LIBM-NEXT:    arith.select %[[NEG_INF]], %{{.+}}, %[[E]] : f32
// LIBM-NOT:     arith.shli
// LIBM:         return
func.func @sdpa_tiled(%q: tensor<1x4x32x8xf32>, %k: tensor<1x2x40x8xf32>,
                      %v: tensor<1x2x40x6xf32>) -> tensor<1x4x32x6xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v
      : (tensor<1x4x32x8xf32>, tensor<1x2x40x8xf32>, tensor<1x2x40x6xf32>)
      -> tensor<1x4x32x6xf32>
  return %out : tensor<1x4x32x6xf32>
}

// -----

/// Causal: the key loop of a query block stops after its last visible key,
/// qb + 8 + (Tk - Tq), rounded up to whole blocks; the shorter last key
/// block runs only when part of it is visible. Queries 32..35 form a
/// shorter last query block.
// CHECK-LABEL: func.func @sdpa_causal_skips_blocks(
// CHECK:         scf.forall (%{{.+}}, %{{.+}}, %[[QB:.+]]) = (0, 0, 0) to (1, 1, 32) step (1, 1, 8)
// CHECK:           %[[END:.+]] = arith.addi %[[QB]], %c12{{.*}} : index
// CHECK:           %[[VIS:.+]] = arith.minsi %{{.+}}, %c40{{.*}} : index
// CHECK:           %[[UP:.+]] = arith.ceildivsi %[[VIS]], %c16{{.*}} : index
// CHECK:           %[[UPTO:.+]] = arith.muli %[[UP]], %c16{{.*}} : index
// CHECK:           %[[KEND:.+]] = arith.minsi %[[UPTO]], %c32{{.*}} : index
// CHECK:           scf.for %{{.+}} = %c0 to %[[KEND]] step %c16{{.*}} iter_args(
// CHECK:             arith.cmpi sle
// CHECK:           %[[SEEN:.+]] = arith.cmpi sgt, %[[VIS]], %c32{{.*}} : index
// CHECK:           scf.if %[[SEEN]] -> (tensor<8xf32>, tensor<8xf32>, tensor<8x6xf32>)
// CHECK:         scf.forall (%{{.+}}, %{{.+}}, %[[QT:.+]]) = (0, 0, 32) to (1, 1, 36) step (1, 1, 4)
// CHECK:           tensor.parallel_insert_slice %{{.+}} into %{{.+}}[%{{.+}}, %{{.+}}, %[[QT]], 0] [1, 1, 4, 6]
func.func @sdpa_causal_skips_blocks(%q: tensor<1x1x36x8xf32>,
                                    %k: tensor<1x1x40x8xf32>,
                                    %v: tensor<1x1x40x6xf32>)
    -> tensor<1x1x36x6xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v causal
      : (tensor<1x1x36x8xf32>, tensor<1x1x40x8xf32>, tensor<1x1x40x6xf32>)
      -> tensor<1x1x36x6xf32>
  return %out : tensor<1x1x36x6xf32>
}

// -----

/// A mask broadcasting over heads is sliced per block: rows qb.., columns
/// kb.. of batch b; a boolean false gives -inf.
// CHECK-LABEL: func.func @sdpa_tiled_bool_mask(
// CHECK-SAME:    %[[MASK:[a-zA-Z0-9_]+]]: tensor<2x1x16x32xi1>
// CHECK:         scf.forall (%[[B:.+]], %{{.+}}, %[[QB:.+]]) = (0, 0, 0) to (2, 2, 16) step (1, 1, 8)
// CHECK:             scf.for %[[KB:.+]] = %c0 to %c32 step %c16
// CHECK:               tensor.extract_slice %[[MASK]][%[[B]], 0, %[[QB]], %[[KB]]] [1, 1, 8, 16] [1, 1, 1, 1] : tensor<2x1x16x32xi1> to tensor<8x16xi1>
// CHECK:               arith.select
func.func @sdpa_tiled_bool_mask(%q: tensor<2x2x16x8xf32>, %k: tensor<2x2x32x8xf32>,
                                %v: tensor<2x2x32x8xf32>,
                                %mask: tensor<2x1x16x32xi1>)
    -> tensor<2x2x16x8xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v mask(%mask)
      : (tensor<2x2x16x8xf32>, tensor<2x2x32x8xf32>, tensor<2x2x32x8xf32>,
         tensor<2x1x16x32xi1>) -> tensor<2x2x16x8xf32>
  return %out : tensor<2x2x16x8xf32>
}

// -----

/// Multi-head attention without need_weights takes the tiled path after
/// its projections; the key padding mask becomes a [B, 1, 1, Tk] view.
// CHECK-LABEL: func.func @mha_tiled(
// CHECK:         tensor.expand_shape %{{.+}} {{\[\[}}0, 1, 2], [3]] output_shape [2, 1, 1, 24] : tensor<2x24xi1> into tensor<2x1x1x24xi1>
// CHECK:         scf.forall ({{.+}}) = (0, 0, 0) to (2, 4, 24) step (1, 1, 8)
// CHECK:               scf.for {{.+}} step %c16
// CHECK-NOT:     tensor<2x4x24x24xf32>
func.func @mha_tiled(%x: tensor<2x24x32xf32>, %w_in: tensor<96x32xf32>,
                     %w_out: tensor<32x32xf32>, %kpm: tensor<2x24xi1>)
    -> tensor<2x24x32xf32> {
  %out = s2s.multi_head_attention %x in_proj_weight(%w_in)
      out_proj_weight(%w_out) key_padding_mask(%kpm) num_heads(4) batch_first
      : (tensor<2x24x32xf32>, tensor<96x32xf32>, tensor<32x32xf32>,
         tensor<2x24xi1>) -> tensor<2x24x32xf32>
  return %out : tensor<2x24x32xf32>
}

// -----

/// With need_weights the weights are a result, so the full score matrix is
/// built and the untiled lowering is used.
// CHECK-LABEL: func.func @negative_mha_need_weights(
// CHECK:         linalg.generic {{.+}} outs(%{{.+}} : tensor<2x4x24x24xf32>)
func.func @negative_mha_need_weights(%x: tensor<2x24x32xf32>,
                                     %w_in: tensor<96x32xf32>,
                                     %w_out: tensor<32x32xf32>)
    -> (tensor<2x24x32xf32>, tensor<2x24x24xf32>) {
  %out, %w = s2s.multi_head_attention %x in_proj_weight(%w_in)
      out_proj_weight(%w_out) num_heads(4) batch_first need_weights
      : (tensor<2x24x32xf32>, tensor<96x32xf32>, tensor<32x32xf32>)
      -> (tensor<2x24x32xf32>, tensor<2x24x24xf32>)
  return %out, %w : tensor<2x24x32xf32>, tensor<2x24x24xf32>
}

// -----

/// One query (a decoding step with a static query length of 1): the query
/// is scaled as the row [1, D] itself, not transposed, and the scores of a
/// key block are dot products along D, contiguous in both operands
/// (K_block [16, 8] against q [1, 8], the dot kernel's form), where the
/// transposed form would leave the contraction a single column to
/// vectorize over.
// CHECK-DAG: #[[$ID:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$K:.+]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[$Q:.+]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-LABEL: func.func @sdpa_one_query(
// CHECK:         scf.forall (%{{.+}}, %{{.+}}, %{{.+}}) in (1, 4, 1)
// CHECK:           %[[QROW:.+]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$ID]]]
// CHECK-SAME:          ins(%{{.+}} : tensor<1x8xf32>) outs(%{{.+}} : tensor<1x8xf32>)
// CHECK:             arith.mulf
// CHECK:           scf.for
// CHECK:             linalg.generic {indexing_maps = [#[[$K]], #[[$Q]], #{{.+}}], iterator_types = ["parallel", "parallel", "reduction"]}
// CHECK-SAME:            ins(%{{.+}}, %[[QROW]] : tensor<16x8xf32>, tensor<1x8xf32>) outs(%{{.+}} : tensor<16x1xf32>)
func.func @sdpa_one_query(%q: tensor<1x4x1x8xf32>, %k: tensor<1x4x40x8xf32>,
                          %v: tensor<1x4x40x6xf32>) -> tensor<1x4x1x6xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v
      : (tensor<1x4x1x8xf32>, tensor<1x4x40x8xf32>, tensor<1x4x40x6xf32>)
      -> tensor<1x4x1x6xf32>
  return %out : tensor<1x4x1x6xf32>
}

// RUN: s2s-opt %s --convert-s2s-to-linalg-tiled-attention="attention-block-q=8 attention-block-k=16 attention-key-splits=4" --convert-s2s-to-linalg --cse -split-input-file | FileCheck %s
// RUN: s2s-opt %s --convert-s2s-to-linalg-tiled-attention="attention-block-q=8 attention-block-k=16" --convert-s2s-to-linalg --cse -split-input-file | FileCheck %s --check-prefix=OFF

// Decoding attention (a dynamic number of queries, which may fit one block)
// with attention-key-splits=4: the usual tiled form, and a split-key form
// (flash-decoding) chosen at run time when the (batch, head, query block)
// triples are fewer than 4.

/// The choice: triples = B * H * ceil(Tq / 8), key blocks = ceil(Tk / 16),
/// splits = ceil(Tk / chunk) for chunks of ceil(blocks / min(ceil(4 /
/// triples), blocks)) whole key blocks; the split form when splits > 1.
// CHECK-LABEL: func.func @sdpa_decode(
// CHECK:         arith.ceildivui %{{.+}}, %c16
// CHECK:         arith.ceildivui %c4, %{{.+}}
// CHECK:         %[[CHUNK:.+]] = arith.muli %{{.+}}, %c16
// CHECK:         %[[SPLITS:.+]] = arith.ceildivui %{{.+}}, %[[CHUNK]] : index
// CHECK:         %[[SPLIT:.+]] = arith.cmpi ugt, %[[SPLITS]], %c1
// CHECK:         scf.if %[[SPLIT]] -> (tensor<?x2x?x8xf32>) {
/// Each chunk of each triple: its running maximum, sum and unnormalized
/// output, in [B, H, Tq, splits] and [B, H, Tq, splits, 8].
// CHECK:           %[[PARTS:.+]]:3 = scf.forall (%[[B:.+]], %[[H:.+]], %[[Q:.+]], %[[S:.+]]) = (0, 0, 0, 0) to (%{{.+}}, 2, %{{.+}}, %[[SPLITS]])
// CHECK-SAME:          step (1, 1, 8, 1) shared_outs(
// CHECK-SAME:          -> (tensor<?x2x?x?xf32>, tensor<?x2x?x?xf32>, tensor<?x2x?x?x8xf32>)
/// The queries of the block, min(8, Tq - q), are one in a decoding step: a
/// branch of its own whose scores are dot products with the query row.
// CHECK:             %[[ROWS:.+]] = arith.minui %c8
// CHECK:             %[[BEGIN:.+]] = arith.muli %[[S]], %[[CHUNK]]
// CHECK:             %[[ONE:.+]] = arith.cmpi eq, %[[ROWS]], %c1
// CHECK:             scf.if %[[ONE]] -> (tensor<?xf32>, tensor<?xf32>, tensor<?x8xf32>) {
// CHECK:               scf.for %{{.+}} = %[[BEGIN]] to %{{.+}} step %c16
// CHECK:                 linalg.generic {{.+}} ins(%{{.+}}, %{{.+}} : tensor<16x8xf32>, tensor<1x8xf32>) outs(%{{.+}} : tensor<16x1xf32>)
// CHECK:               tensor.cast %{{.+}} : tensor<1x8xf32> to tensor<?x8xf32>
// CHECK:             } else {
// CHECK:               scf.for %{{.+}} = %[[BEGIN]] to %{{.+}} step %c16
// CHECK:                 linalg.generic {{.+}} ins(%{{.+}}, %{{.+}} : tensor<16x8xf32>, tensor<8x?xf32>) outs(%{{.+}} : tensor<16x?xf32>)
// CHECK:             scf.forall.in_parallel
// CHECK-COUNT-3:       tensor.parallel_insert_slice
/// The combination: m = max over the chunks, w = exp(m_s - m), out = sum w
/// acc / sum w l (0 where no key was visible).
// CHECK:           linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[PARTS]]#0 :
// CHECK:             arith.cmpf ogt
// CHECK:           linalg.generic {{.+}} ins(%[[PARTS]]#0, %{{.+}} :
// CHECK:           linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%{{.+}}, %[[PARTS]]#1 :
// CHECK:           linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%{{.+}}, %[[PARTS]]#2 :
// CHECK:           arith.divf
// CHECK:         } else {
// CHECK:           scf.forall (%{{.+}}, %{{.+}}, %{{.+}}) =
/// The last, shorter query block (all of them when Tq < 8) likewise.
// CHECK:           scf.forall (%{{.+}}, %{{.+}}, %{{.+}}) =
// CHECK:             %[[TAIL_ONE:.+]] = arith.cmpi eq, %{{.+}}, %c1
// CHECK:             scf.if %[[TAIL_ONE]] -> (tensor<?x8xf32>) {
// CHECK:               linalg.generic {{.+}} ins(%{{.+}}, %{{.+}} : tensor<16x8xf32>, tensor<1x8xf32>) outs(%{{.+}} : tensor<16x1xf32>)
// CHECK:             } else {
// CHECK:         }
// OFF-LABEL: func.func @sdpa_decode(
// OFF-NOT:     arith.ceildivui %c4
// OFF-NOT:     scf.if {{.+}} -> (tensor<?x2x?x8xf32>)
// OFF:         scf.forall (%{{[^,]+}}, %{{[^,]+}}, %{{[^,]+}}) =
func.func @sdpa_decode(%q: tensor<?x2x?x8xf32>, %k: tensor<?x2x?x8xf32>,
    %v: tensor<?x2x?x8xf32>) -> tensor<?x2x?x8xf32> {
  %o = s2s.scaled_dot_product_attention %q, %k, %v causal
      : (tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>)
      -> tensor<?x2x?x8xf32>
  return %o : tensor<?x2x?x8xf32>
}

// -----

/// A static number of queries larger than one block (an encoder) has
/// enough triples: no split form.
// CHECK-LABEL: func.func @sdpa_prefill(
// CHECK-NOT:     arith.ceildivui %c4
// CHECK-NOT:     scf.if
// CHECK:         scf.forall (%{{.+}}, %{{.+}}, %{{.+}}) = (0, 0, 0) to (1, 2, 32) step (1, 1, 8)
func.func @sdpa_prefill(%q: tensor<1x2x32x8xf32>, %k: tensor<1x2x64x8xf32>,
    %v: tensor<1x2x64x8xf32>) -> tensor<1x2x32x8xf32> {
  %o = s2s.scaled_dot_product_attention %q, %k, %v
      : (tensor<1x2x32x8xf32>, tensor<1x2x64x8xf32>, tensor<1x2x64x8xf32>)
      -> tensor<1x2x32x8xf32>
  return %o : tensor<1x2x32x8xf32>
}

// -----

/// One query of a static shape against a dynamic cache: the split form
/// exists (whether it runs depends on the cache's length).
// CHECK-LABEL: func.func @sdpa_one_query(
// CHECK:         scf.if %{{.+}} -> (tensor<1x2x1x8xf32>) {
// CHECK:           scf.forall (%{{.+}}, %{{.+}}, %{{.+}}, %{{.+}}) in (1, 2, 1, %{{.+}})
func.func @sdpa_one_query(%q: tensor<1x2x1x8xf32>, %k: tensor<1x2x?x8xf32>,
    %v: tensor<1x2x?x8xf32>) -> tensor<1x2x1x8xf32> {
  %o = s2s.scaled_dot_product_attention %q, %k, %v
      : (tensor<1x2x1x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>)
      -> tensor<1x2x1x8xf32>
  return %o : tensor<1x2x1x8xf32>
}

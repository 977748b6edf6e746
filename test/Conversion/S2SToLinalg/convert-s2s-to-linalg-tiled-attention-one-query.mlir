// RUN: s2s-opt %s --convert-s2s-to-linalg-tiled-attention="attention-block-q=8 attention-block-k=64" --convert-s2s-to-linalg --cse | FileCheck %s

// The online softmax of one query (a decoding step): the scores of a key
// block are a column [bk, 1], with no query dimension to vectorize over.
// A block whose size is a multiple of 16 lanes (and more than one lane
// group) is seen as [bk / 16, 16]: the maximum, the exponentials and the
// sum run along the 16 lanes (reductions over the first dimension, the
// lanes parallel), and only the 16 partial maxima and sums are reduced one
// by one ([16, 1] -> [1]). The probabilities go back to the column [bk, 1]
// for the contraction with the values.
//
// With 150 keys in blocks of 64, the two full blocks take this form; the
// last block of 22 keys (not a multiple of 16) keeps the column form: its
// reductions run over [22, 1].

// CHECK-DAG: #[[$ID:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$COL:.+]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[$FIRST:.+]] = affine_map<(d0, d1) -> (0)>
// CHECK-LABEL: func.func @sdpa_decode_step(
// CHECK:         scf.for
// CHECK:           %[[S:.+]] = linalg.generic {{.+}} outs(%{{.+}} : tensor<64x1xf32>)
// CHECK:           %[[S1:.+]] = tensor.collapse_shape %[[S]] {{\[}}[0, 1]] : tensor<64x1xf32> into tensor<64xf32>
// CHECK:           %[[LANES:.+]] = tensor.expand_shape %[[S1]] {{\[}}[0, 1]] output_shape [4, 16] : tensor<64xf32> into tensor<4x16xf32>
// CHECK:           %[[PMAX:.+]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$COL]]], iterator_types = ["reduction", "parallel"]} ins(%[[LANES]] : tensor<4x16xf32>) outs(%{{.+}} : tensor<16xf32>)
// CHECK:           %[[PMAX_COL:.+]] = tensor.expand_shape %[[PMAX]] {{\[}}[0, 1]] output_shape [16, 1]
// CHECK:           %[[MAX:.+]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$COL]]], iterator_types = ["reduction", "parallel"]} ins(%[[PMAX_COL]] : tensor<16x1xf32>) outs(%{{.+}} : tensor<1xf32>)
// CHECK:           %[[SHIFT:.+]]:3 = linalg.generic {{.+}} ins(%[[MAX]] : tensor<1xf32>)
// CHECK:           %[[P:.+]]:2 = linalg.generic {indexing_maps = [#[[$ID]], #[[$FIRST]], #[[$ID]], #[[$COL]]], iterator_types = ["reduction", "parallel"]} ins(%[[LANES]], %[[SHIFT]]#2 : tensor<4x16xf32>, tensor<1xf32>) outs(%{{.+}}, %{{.+}} : tensor<4x16xf32>, tensor<16xf32>)
// CHECK:           %[[P1:.+]] = tensor.collapse_shape %[[P]]#0 {{\[}}[0, 1]] : tensor<4x16xf32> into tensor<64xf32>
// CHECK:           %[[PCOL:.+]] = tensor.expand_shape %[[P1]] {{\[}}[0, 1]] output_shape [64, 1]
// CHECK:           %[[PSUM_COL:.+]] = tensor.expand_shape %[[P]]#1 {{\[}}[0, 1]] output_shape [16, 1]
// CHECK:           linalg.generic {indexing_maps = [#[[$ID]], #[[$COL]]], iterator_types = ["reduction", "parallel"]} ins(%[[PSUM_COL]] : tensor<16x1xf32>) outs(%{{.+}} : tensor<1xf32>)
// CHECK:             arith.addf
// CHECK:           linalg.generic {{.+}} ins(%[[PCOL]], %{{.+}} : tensor<64x1xf32>, tensor<64x6xf32>)
// CHECK:           scf.yield
// The last block: the column form.
// CHECK:         %[[S_TAIL:.+]] = linalg.generic {{.+}} outs(%{{.+}} : tensor<22x1xf32>)
// CHECK-NOT:     tensor.expand_shape %{{.+}} output_shape [{{.+}}, 16]
// CHECK:         linalg.generic {indexing_maps = [#[[$ID]], #[[$COL]]], iterator_types = ["reduction", "parallel"]} ins(%[[S_TAIL]] : tensor<22x1xf32>) outs(%{{.+}} : tensor<1xf32>)
// CHECK:         linalg.generic {indexing_maps = [#[[$ID]], #[[$COL]], #[[$ID]], #[[$COL]]], iterator_types = ["reduction", "parallel"]} ins(%[[S_TAIL]], %{{.+}} : tensor<22x1xf32>, tensor<1xf32>)
func.func @sdpa_decode_step(%q: tensor<1x2x1x8xf32>, %k: tensor<1x2x150x8xf32>,
                            %v: tensor<1x2x150x6xf32>) -> tensor<1x2x1x6xf32> {
  %out = s2s.scaled_dot_product_attention %q, %k, %v
      : (tensor<1x2x1x8xf32>, tensor<1x2x150x8xf32>, tensor<1x2x150x6xf32>)
      -> tensor<1x2x1x6xf32>
  return %out : tensor<1x2x1x6xf32>
}

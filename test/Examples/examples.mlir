// The example models in examples/ parse, verify and survive a print/parse
// round trip; the checks pin the key ops of each model.

// RUN: s2s-opt %s2s_src_root/examples/seq2seq/seq2seq_bahdanau.mlir | s2s-opt | FileCheck %s --check-prefix=SEQ2SEQ
// RUN: s2s-opt %s2s_src_root/examples/transformer/transformer_encoder_layer.mlir | s2s-opt | FileCheck %s --check-prefix=TRANSFORMER

// Seq2Seq: GRU encoder, then a greedy decoder loop with additive attention.
// SEQ2SEQ-LABEL: func.func @main(
// SEQ2SEQ-SAME:    tensor<7x3xi64>
// SEQ2SEQ-SAME:    -> tensor<6x3xi64>
// SEQ2SEQ:         s2s.embedding {{.*}} : (tensor<7x3xi64>, tensor<20x8xf32>) -> tensor<7x3x8xf32>
// SEQ2SEQ:         %[[ENC:.*]], %[[HN:.*]] = s2s.gru {{.*}} hidden_size(16)
// SEQ2SEQ-SAME:      -> (tensor<7x3x16xf32>, tensor<1x3x16xf32>)
// SEQ2SEQ:         %[[ENC_BT:.*]] = linalg.transpose ins(%[[ENC]] : tensor<7x3x16xf32>) {{.*}} permutation = [1, 0, 2]
// SEQ2SEQ:         %[[H0:.*]] = tensor.collapse_shape %[[HN]] {{\[}}[0, 1], [2]] : tensor<1x3x16xf32> into tensor<3x16xf32>
// SEQ2SEQ:         %[[LOOP:.*]]:3 = scf.for {{.*}} iter_args({{.*}} = %[[H0]], {{.*}}) -> (tensor<3x16xf32>, tensor<3xi64>, tensor<6x3xi64>)
// SEQ2SEQ:           s2s.embedding {{.*}} : (tensor<3xi64>, tensor<15x8xf32>) -> tensor<3x8xf32>
// SEQ2SEQ:           s2s.attention additive {{.*}}, %[[ENC_BT]], %[[ENC_BT]] w_query(%{{[^)]+}}) w_keys(%{{[^)]+}}) v(%{{[^)]+}}) :
// SEQ2SEQ-SAME:        -> (tensor<3x1x16xf32>, tensor<3x1x7xf32>)
// SEQ2SEQ:           tensor.concat dim(1) {{.*}} -> tensor<3x24xf32>
// SEQ2SEQ:           s2s.gru_cell
// SEQ2SEQ-SAME:        -> tensor<3x16xf32>
// SEQ2SEQ:           tensor.concat dim(1) {{.*}} -> tensor<3x32xf32>
// SEQ2SEQ:           s2s.linear {{.*}} -> tensor<3x15xf32>
// SEQ2SEQ:           s2s.argmax {{.*}} dim(1) : (tensor<3x15xf32>) -> tensor<3xi64>
// SEQ2SEQ:           tensor.insert_slice {{.*}} : tensor<3xi64> into tensor<6x3xi64>
// SEQ2SEQ:           scf.yield
// SEQ2SEQ:         return %[[LOOP]]#2 : tensor<6x3xi64>

// Transformer encoder layer: post-norm self-attention and feed-forward blocks.
// TRANSFORMER-LABEL: func.func @main(
// TRANSFORMER-SAME:    tensor<2x8x32xf32>, %{{.*}}: tensor<2x8xi1>
// TRANSFORMER-SAME:    -> tensor<2x8x32xf32>
// TRANSFORMER:         %[[ATTN:.*]] = s2s.multi_head_attention %[[X:[^ ]*]] in_proj_weight({{.*}}) in_proj_bias({{.*}}) out_proj_weight({{.*}}) out_proj_bias({{.*}}) key_padding_mask({{.*}}) num_heads(4) batch_first :
// TRANSFORMER:         %[[RES1:.*]] = arith.addf %[[X]], %[[ATTN]] : tensor<2x8x32xf32>
// TRANSFORMER:         %[[X1:.*]] = s2s.layer_norm %[[RES1]] weight({{.*}}) bias({{.*}}) normalized_shape([32])
// TRANSFORMER:         %[[FF1:.*]] = s2s.linear %[[X1]], {{.*}} -> tensor<2x8x64xf32>
// TRANSFORMER:         %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : tensor<2x8x64xf32>
// TRANSFORMER:         %[[RELU:.*]] = arith.maximumf %[[FF1]], %[[ZERO]] : tensor<2x8x64xf32>
// TRANSFORMER:         %[[FF2:.*]] = s2s.linear %[[RELU]], {{.*}} -> tensor<2x8x32xf32>
// TRANSFORMER:         %[[RES2:.*]] = arith.addf %[[X1]], %[[FF2]] : tensor<2x8x32xf32>
// TRANSFORMER:         %[[Y:.*]] = s2s.layer_norm %[[RES2]] weight({{.*}}) bias({{.*}}) normalized_shape([32])
// TRANSFORMER:         return %[[Y]] : tensor<2x8x32xf32>

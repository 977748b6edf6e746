// s2s.scaled_dot_product_attention with 0 queries: an empty [1, 2, 0, 8]
// result (the tiled lowering divided by the query block size, 0).

// RUN: s2s-run %s --input=%S/Inputs/sdpa_no_queries/query.npy --input=%S/Inputs/sdpa_no_queries/key.npy --input=%S/Inputs/sdpa_no_queries/value.npy --expect=%S/Inputs/sdpa_no_queries/out.npy --quiet | FileCheck %s
// CHECK: result #0: matches {{.*}}/out.npy (0 elements

func.func @main(%query: tensor<1x2x0x8xf32>, %key: tensor<1x2x5x8xf32>,
    %value: tensor<1x2x5x8xf32>) -> tensor<1x2x0x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<1x2x0x8xf32>, tensor<1x2x5x8xf32>, tensor<1x2x5x8xf32>)
      -> tensor<1x2x0x8xf32>
  return %out : tensor<1x2x0x8xf32>
}

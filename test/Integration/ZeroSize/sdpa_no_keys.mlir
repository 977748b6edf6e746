// s2s.scaled_dot_product_attention over 0 keys: every query sees no key,
// and a query with every key masked produces zeros. The tiled lowering
// divided by the key block size, min(128, Tk) = 0, until it returned zeros
// for this shape.

// RUN: s2s-run %s --input=%S/Inputs/sdpa_no_keys/query.npy --input=%S/Inputs/sdpa_no_keys/key.npy --input=%S/Inputs/sdpa_no_keys/value.npy --expect=%S/Inputs/sdpa_no_keys/out.npy --quiet | FileCheck %s
// CHECK: result #0: matches {{.*}}/out.npy (64 elements

func.func @main(%query: tensor<1x2x4x8xf32>, %key: tensor<1x2x0x8xf32>,
    %value: tensor<1x2x0x8xf32>) -> tensor<1x2x4x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<1x2x4x8xf32>, tensor<1x2x0x8xf32>, tensor<1x2x0x8xf32>)
      -> tensor<1x2x4x8xf32>
  return %out : tensor<1x2x4x8xf32>
}

// Dynamic-shape variant of Generated/sdpa_default_scale.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.scaled_dot_product_attention without a scale attribute: the scale is
// 1/sqrt(D) with D=12 (a wrong default such as 1 or 1/D shows up).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/sdpa_default_scale/query.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_default_scale/key.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_default_scale/value.npy \
// RUN:   --expect=%S/../Generated/Inputs/sdpa_default_scale/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy

func.func @main(%query: tensor<?x2x?x12xf32>, %key: tensor<?x2x?x12xf32>,
    %value: tensor<?x2x?x12xf32>)
    -> tensor<?x2x?x12xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value
      : (tensor<?x2x?x12xf32>, tensor<?x2x?x12xf32>, tensor<?x2x?x12xf32>)
      -> tensor<?x2x?x12xf32>
  return %out : tensor<?x2x?x12xf32>
}

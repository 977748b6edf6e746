// s2s.scaled_dot_product_attention causal with Tq=6 > Tk=4: with the bottom-
// right aligned causal mask the first Tq-Tk=2 queries see no key at all, and a
// query with every key masked produces zeros (not NaN).

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/sdpa_causal_tq_gt_tk/query.npy \
// RUN:   --input=%S/Inputs/sdpa_causal_tq_gt_tk/key.npy \
// RUN:   --input=%S/Inputs/sdpa_causal_tq_gt_tk/value.npy \
// RUN:   --expect=%S/Inputs/sdpa_causal_tq_gt_tk/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy

func.func @main(%query: tensor<1x2x6x8xf32>, %key: tensor<1x2x4x8xf32>,
    %value: tensor<1x2x4x8xf32>)
    -> tensor<1x2x6x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value causal
      : (tensor<1x2x6x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>)
      -> tensor<1x2x6x8xf32>
  return %out : tensor<1x2x6x8xf32>
}

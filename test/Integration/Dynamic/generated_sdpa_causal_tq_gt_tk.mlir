// Dynamic-shape variant of Generated/sdpa_causal_tq_gt_tk.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.scaled_dot_product_attention causal with Tq=6 > Tk=4: with the bottom-
// right aligned causal mask the first Tq-Tk=2 queries see no key at all, and a
// query with every key masked produces zeros (not NaN).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/sdpa_causal_tq_gt_tk/query.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_causal_tq_gt_tk/key.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_causal_tq_gt_tk/value.npy \
// RUN:   --expect=%S/../Generated/Inputs/sdpa_causal_tq_gt_tk/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy

func.func @main(%query: tensor<?x2x?x8xf32>, %key: tensor<?x2x?x8xf32>,
    %value: tensor<?x2x?x8xf32>)
    -> tensor<?x2x?x8xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value causal
      : (tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>)
      -> tensor<?x2x?x8xf32>
  return %out : tensor<?x2x?x8xf32>
}

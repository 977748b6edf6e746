// Dynamic-shape variant of Generated/sdpa_causal_tq_lt_tk.mlir, written by
// Dynamic/generate.py: the same inputs and expected results, with the
// batch and sequence dimensions of @main written `?`. The original test's
// description:
//
// s2s.scaled_dot_product_attention causal with Tq=5 < Tk=9 (a KV cache): s2s's
// causal mask is bottom-right aligned (query i may attend key j iff j <= i + Tk
// - Tq), unlike PyTorch's top-left is_causal, so the reference builds that mask
// explicitly. Odd sizes (H=3, D=7).

// RUN: s2s-run %s \
// RUN:   --input=%S/../Generated/Inputs/sdpa_causal_tq_lt_tk/query.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_causal_tq_lt_tk/key.npy \
// RUN:   --input=%S/../Generated/Inputs/sdpa_causal_tq_lt_tk/value.npy \
// RUN:   --expect=%S/../Generated/Inputs/sdpa_causal_tq_lt_tk/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy

func.func @main(%query: tensor<?x3x?x7xf32>, %key: tensor<?x3x?x7xf32>,
    %value: tensor<?x3x?x7xf32>)
    -> tensor<?x3x?x7xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value scale(0.25)
      causal
      : (tensor<?x3x?x7xf32>, tensor<?x3x?x7xf32>, tensor<?x3x?x7xf32>)
      -> tensor<?x3x?x7xf32>
  return %out : tensor<?x3x?x7xf32>
}

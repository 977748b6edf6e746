// s2s.scaled_dot_product_attention causal with Tq=5 < Tk=9 (a KV cache): s2s's
// causal mask is bottom-right aligned (query i may attend key j iff j <= i + Tk
// - Tq), unlike PyTorch's top-left is_causal, so the reference builds that mask
// explicitly. Odd sizes (H=3, D=7).

// RUN: s2s-run %s \
// RUN:   --input=%S/Inputs/sdpa_causal_tq_lt_tk/query.npy \
// RUN:   --input=%S/Inputs/sdpa_causal_tq_lt_tk/key.npy \
// RUN:   --input=%S/Inputs/sdpa_causal_tq_lt_tk/value.npy \
// RUN:   --expect=%S/Inputs/sdpa_causal_tq_lt_tk/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy

func.func @main(%query: tensor<2x3x5x7xf32>, %key: tensor<2x3x9x7xf32>,
    %value: tensor<2x3x9x7xf32>)
    -> tensor<2x3x5x7xf32> {
  %out = s2s.scaled_dot_product_attention %query, %key, %value scale(0.25)
      causal
      : (tensor<2x3x5x7xf32>, tensor<2x3x9x7xf32>, tensor<2x3x9x7xf32>)
      -> tensor<2x3x5x7xf32>
  return %out : tensor<2x3x5x7xf32>
}

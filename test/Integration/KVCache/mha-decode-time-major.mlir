// s2s.cached_multi_head_attention in the time-major layout ([S, B, E]),
// with separate Q/K/V projection weights and a batch size known at run
// time only, against PyTorch (Inputs/mha_causal_decode_tm, from
// generate.py: 7 positions, batch 3, E = 24, 3 heads): every position is a
// step of its own (S = 1) at pos 0 .. 6 of caches of capacity 8.

// DEFINE: %{inputs} = \
// DEFINE:   --input=%S/Inputs/mha_causal_decode_tm/query.npy \
// DEFINE:   --input=%S/Inputs/mha_causal_decode_tm/q_proj_weight.npy \
// DEFINE:   --input=%S/Inputs/mha_causal_decode_tm/k_proj_weight.npy \
// DEFINE:   --input=%S/Inputs/mha_causal_decode_tm/v_proj_weight.npy \
// DEFINE:   --input=%S/Inputs/mha_causal_decode_tm/in_proj_bias.npy \
// DEFINE:   --input=%S/Inputs/mha_causal_decode_tm/out_proj_weight.npy \
// DEFINE:   --input=%S/Inputs/mha_causal_decode_tm/out_proj_bias.npy \
// DEFINE:   --input=%S/Inputs/mha_causal_decode_tm/key_padding_mask.npy

// RUN: s2s-run %s %{inputs} \
// RUN:   --expect=%S/Inputs/mha_causal_decode_tm/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s
// The three projections as three GEMMs (s2s-pack-qkv off).
// RUN: s2s-run %s %{inputs} --pipeline-options='pack-qkv=0' \
// RUN:   --expect=%S/Inputs/mha_causal_decode_tm/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy

func.func @main(%x: tensor<7x?x24xf32>, %wq: tensor<24x24xf32>,
    %wk: tensor<24x24xf32>, %wv: tensor<24x24xf32>, %b_in: tensor<72xf32>,
    %w_out: tensor<24x24xf32>, %b_out: tensor<24xf32>,
    %kpm: tensor<?x8xi1>) -> tensor<7x?x24xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c7 = arith.constant 7 : index
  %zero = arith.constant 0.0 : f32
  %b = tensor.dim %x, %c1 : tensor<7x?x24xf32>
  %empty = tensor.empty(%b) : tensor<?x3x8x8xf32>
  %k_cache = linalg.fill ins(%zero : f32) outs(%empty : tensor<?x3x8x8xf32>)
      -> tensor<?x3x8x8xf32>
  %v_cache = linalg.fill ins(%zero : f32) outs(%empty : tensor<?x3x8x8xf32>)
      -> tensor<?x3x8x8xf32>
  %out_empty = tensor.empty(%b) : tensor<7x?x24xf32>
  %out:3 = scf.for %pos = %c0 to %c7 step %c1
      iter_args(%acc = %out_empty, %k = %k_cache, %v = %v_cache)
      -> (tensor<7x?x24xf32>, tensor<?x3x8x8xf32>, tensor<?x3x8x8xf32>) {
    %token = tensor.extract_slice %x[%pos, 0, 0] [1, %b, 24] [1, 1, 1]
        : tensor<7x?x24xf32> to tensor<1x?x24xf32>
    %y, %k_next, %v_next = s2s.cached_multi_head_attention %token
        cache(%k, %v) at(%pos)
        q_proj_weight(%wq) k_proj_weight(%wk) v_proj_weight(%wv)
        in_proj_bias(%b_in) out_proj_weight(%w_out) out_proj_bias(%b_out)
        key_padding_mask(%kpm) num_heads(3)
        : (tensor<1x?x24xf32>, tensor<?x3x8x8xf32>, tensor<?x3x8x8xf32>,
           index, tensor<24x24xf32>, tensor<24x24xf32>, tensor<24x24xf32>,
           tensor<72xf32>, tensor<24x24xf32>, tensor<24xf32>, tensor<?x8xi1>)
        -> (tensor<1x?x24xf32>, tensor<?x3x8x8xf32>, tensor<?x3x8x8xf32>)
    %acc_next = tensor.insert_slice %y into %acc[%pos, 0, 0] [1, %b, 24]
        [1, 1, 1] : tensor<1x?x24xf32> into tensor<7x?x24xf32>
    scf.yield %acc_next, %k_next, %v_next
        : tensor<7x?x24xf32>, tensor<?x3x8x8xf32>, tensor<?x3x8x8xf32>
  }
  return %out#0 : tensor<7x?x24xf32>
}

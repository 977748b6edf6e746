// Decoding with s2s.cached_multi_head_attention gives PyTorch's
// nn.MultiheadAttention over the whole sequence with a causal and a key
// padding mask (Inputs/mha_causal_decode, from generate.py): batch 2,
// 10 positions, E = 32, 4 heads, caches of capacity 16. A prompt of 4
// positions fills the caches at once (S = 4, causal inside it); then a
// loop decodes positions 4 .. 9 one at a time (S = 1), each attending over
// the valid prefix of the caches it updates in place. The key padding mask
// covers the capacity; its columns past the valid prefix say "may attend"
// and must not be read (the caches hold zeros there).

// DEFINE: %{inputs} = \
// DEFINE:   --input=%S/Inputs/mha_causal_decode/query.npy \
// DEFINE:   --input=%S/Inputs/mha_causal_decode/in_proj_weight.npy \
// DEFINE:   --input=%S/Inputs/mha_causal_decode/in_proj_bias.npy \
// DEFINE:   --input=%S/Inputs/mha_causal_decode/out_proj_weight.npy \
// DEFINE:   --input=%S/Inputs/mha_causal_decode/out_proj_bias.npy \
// DEFINE:   --input=%S/Inputs/mha_causal_decode/key_padding_mask.npy

// RUN: s2s-run %s %{inputs} --expect=%S/Inputs/mha_causal_decode/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s
// Over a full score tensor instead of the tiled attention.
// RUN: s2s-run %s %{inputs} --pipeline-options='tile-attention=0' \
// RUN:   --expect=%S/Inputs/mha_causal_decode/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s
// Split-key attention on two threads, blocks of 4 keys.
// RUN: s2s-run %s %{inputs} \
// RUN:   --pipeline-options='threads=2 attention-key-splits=16 attention-block-k=4' \
// RUN:   --expect=%S/Inputs/mha_causal_decode/out.npy \
// RUN:   --rtol=0.0001 --atol=1e-05 --quiet | FileCheck %s

// CHECK: result #0: matches {{.*}}/out.npy

func.func @main(%x: tensor<2x10x32xf32>, %w_in: tensor<96x32xf32>,
    %b_in: tensor<96xf32>, %w_out: tensor<32x32xf32>, %b_out: tensor<32xf32>,
    %kpm: tensor<2x16xi1>) -> tensor<2x10x32xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c10 = arith.constant 10 : index
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<2x4x16x8xf32>
  %cache = linalg.fill ins(%zero : f32) outs(%empty : tensor<2x4x16x8xf32>)
      -> tensor<2x4x16x8xf32>
  %out_empty = tensor.empty() : tensor<2x10x32xf32>

  // The prompt: positions 0 .. 3.
  %prompt = tensor.extract_slice %x[0, 0, 0] [2, 4, 32] [1, 1, 1]
      : tensor<2x10x32xf32> to tensor<2x4x32xf32>
  %y0, %k1, %v1 = s2s.cached_multi_head_attention %prompt
      cache(%cache, %cache) at(%c0)
      in_proj_weight(%w_in) in_proj_bias(%b_in)
      out_proj_weight(%w_out) out_proj_bias(%b_out)
      key_padding_mask(%kpm) num_heads(4) batch_first causal
      : (tensor<2x4x32xf32>, tensor<2x4x16x8xf32>, tensor<2x4x16x8xf32>,
         index, tensor<96x32xf32>, tensor<96xf32>, tensor<32x32xf32>,
         tensor<32xf32>, tensor<2x16xi1>)
      -> (tensor<2x4x32xf32>, tensor<2x4x16x8xf32>, tensor<2x4x16x8xf32>)
  %out0 = tensor.insert_slice %y0 into %out_empty[0, 0, 0] [2, 4, 32]
      [1, 1, 1] : tensor<2x4x32xf32> into tensor<2x10x32xf32>

  // Positions 4 .. 9, one per step.
  %out:3 = scf.for %pos = %c4 to %c10 step %c1
      iter_args(%acc = %out0, %k = %k1, %v = %v1)
      -> (tensor<2x10x32xf32>, tensor<2x4x16x8xf32>, tensor<2x4x16x8xf32>) {
    %token = tensor.extract_slice %x[0, %pos, 0] [2, 1, 32] [1, 1, 1]
        : tensor<2x10x32xf32> to tensor<2x1x32xf32>
    %y, %k_next, %v_next = s2s.cached_multi_head_attention %token
        cache(%k, %v) at(%pos)
        in_proj_weight(%w_in) in_proj_bias(%b_in)
        out_proj_weight(%w_out) out_proj_bias(%b_out)
        key_padding_mask(%kpm) num_heads(4) batch_first
        : (tensor<2x1x32xf32>, tensor<2x4x16x8xf32>, tensor<2x4x16x8xf32>,
           index, tensor<96x32xf32>, tensor<96xf32>, tensor<32x32xf32>,
           tensor<32xf32>, tensor<2x16xi1>)
        -> (tensor<2x1x32xf32>, tensor<2x4x16x8xf32>, tensor<2x4x16x8xf32>)
    %acc_next = tensor.insert_slice %y into %acc[0, %pos, 0] [2, 1, 32]
        [1, 1, 1] : tensor<2x1x32xf32> into tensor<2x10x32xf32>
    scf.yield %acc_next, %k_next, %v_next
        : tensor<2x10x32xf32>, tensor<2x4x16x8xf32>, tensor<2x4x16x8xf32>
  }
  return %out#0 : tensor<2x10x32xf32>
}

// The decoding ops on empty sizes: no top k (k = 0), an index_select with
// no indices (also from an empty dimension), log_softmax over an empty
// dimension, a KV cache append of no positions (at the end of a full
// cache, and into a cache of capacity 0), the cached multi-head attention
// of no positions or no sentences.

// RUN: s2s-run %s --entry=top_k_none | FileCheck %s --check-prefix=TOPK
// TOPK:      result #0: tensor<2x0xf32>
// TOPK-NEXT: {{\[\[}}]
// TOPK-NEXT:  []]
// TOPK-NEXT: result #1: tensor<2x0xi64>
func.func @top_k_none() -> (tensor<2x0xf32>, tensor<2x0xi64>) {
  %x = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]>
      : tensor<2x3xf32>
  %v, %i = s2s.top_k %x k(0) dim(1)
      : (tensor<2x3xf32>) -> (tensor<2x0xf32>, tensor<2x0xi64>)
  return %v, %i : tensor<2x0xf32>, tensor<2x0xi64>
}

// RUN: s2s-run %s --entry=index_select_none | FileCheck %s --check-prefix=SELECT
// SELECT:      result #0: tensor<0x2xf32>
// SELECT-NEXT: []
// SELECT-NEXT: result #1: tensor<2x0xf32>
func.func @index_select_none() -> (tensor<0x2xf32>, tensor<2x0xf32>) {
  %x = arith.constant dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]>
      : tensor<3x2xf32>
  %none = arith.constant dense<> : tensor<0xi64>
  %y = s2s.index_select %x, %none dim(0)
      : (tensor<3x2xf32>, tensor<0xi64>) -> tensor<0x2xf32>
  %empty = arith.constant dense<> : tensor<2x0xf32>
  %z = s2s.index_select %empty, %none dim(1)
      : (tensor<2x0xf32>, tensor<0xi64>) -> tensor<2x0xf32>
  return %y, %z : tensor<0x2xf32>, tensor<2x0xf32>
}

// RUN: s2s-run %s --entry=log_softmax_none | FileCheck %s --check-prefix=LOGP
// LOGP:      result #0: tensor<3x0xf32>
func.func @log_softmax_none() -> tensor<3x0xf32> {
  %x = arith.constant dense<> : tensor<3x0xf32>
  %y = s2s.log_softmax %x dim(1) : (tensor<3x0xf32>) -> tensor<3x0xf32>
  return %y : tensor<3x0xf32>
}

// Appending nothing at position 2 of a cache of capacity 2 leaves it as
// it is, and its valid prefix is the whole cache; a cache of capacity 0
// takes nothing at position 0.
// RUN: s2s-run %s --entry=kv_cache_append_none | FileCheck %s --check-prefix=KV
// KV:      result #0: tensor<1x2x3xf32>
// KV-NEXT: {{\[\[\[}}1, 2, 3]
// KV-NEXT:   [4, 5, 6]]]
// KV-NEXT: result #1: tensor<1x2x3xf32>
// KV-NEXT: {{\[\[\[}}1, 2, 3]
// KV-NEXT:   [4, 5, 6]]]
// KV-NEXT: result #2: tensor<1x0x3xf32>
func.func @kv_cache_append_none()
    -> (tensor<1x2x3xf32>, tensor<1x?x3xf32>, tensor<1x?x3xf32>) {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %cache = arith.constant dense<[[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]]>
      : tensor<1x2x3xf32>
  %nothing = arith.constant dense<> : tensor<1x0x3xf32>
  %out, %valid = s2s.kv_cache_append %nothing into %cache at(%c2) dim(1)
      : (tensor<1x0x3xf32>, tensor<1x2x3xf32>, index)
      -> (tensor<1x2x3xf32>, tensor<1x?x3xf32>)
  %no_cache = arith.constant dense<> : tensor<1x0x3xf32>
  %out0, %valid0 = s2s.kv_cache_append %nothing into %no_cache at(%c0) dim(1)
      : (tensor<1x0x3xf32>, tensor<1x0x3xf32>, index)
      -> (tensor<1x0x3xf32>, tensor<1x?x3xf32>)
  return %out, %valid, %valid0
      : tensor<1x2x3xf32>, tensor<1x?x3xf32>, tensor<1x?x3xf32>
}

// The cached multi-head attention of no positions (S = 0) at the end of its
// caches: an empty output, the caches unchanged; and with a cache of
// capacity 0 and no positions; and of a batch of 0 sentences.
// RUN: s2s-run %s --entry=cached_mha_none | FileCheck %s --check-prefix=MHA
// MHA:      result #0: tensor<1x0x2xf32>
// MHA-NEXT: {{\[\[}}]]
// MHA-NEXT: result #1: tensor<1x1x2x2xf32>
// MHA-NEXT: {{\[\[\[\[}}1, 2]
// MHA-NEXT:    [3, 4]]]]
// MHA-NEXT: result #2: tensor<1x1x0x2xf32>
// MHA-NEXT: {{\[\[\[}}]]]
// MHA-NEXT: result #3: tensor<0x1x2xf32>
// MHA-NEXT: []
func.func @cached_mha_none()
    -> (tensor<1x0x2xf32>, tensor<1x1x2x2xf32>, tensor<1x1x0x2xf32>,
        tensor<0x1x2xf32>) {
  %pos = arith.constant 2 : index
  %c0 = arith.constant 0 : index
  %none = arith.constant dense<> : tensor<1x0x2xf32>
  %cache = arith.constant dense<[[[[1.0, 2.0], [3.0, 4.0]]]]>
      : tensor<1x1x2x2xf32>
  %w_in = arith.constant dense<1.0> : tensor<6x2xf32>
  %w_out = arith.constant dense<1.0> : tensor<2x2xf32>
  %out, %k, %v = s2s.cached_multi_head_attention %none cache(%cache, %cache)
      at(%pos) in_proj_weight(%w_in) out_proj_weight(%w_out) num_heads(1)
      batch_first
      : (tensor<1x0x2xf32>, tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>, index,
         tensor<6x2xf32>, tensor<2x2xf32>)
      -> (tensor<1x0x2xf32>, tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>)
  %empty_cache = arith.constant dense<> : tensor<1x1x0x2xf32>
  %out0, %k0, %v0 = s2s.cached_multi_head_attention %none
      cache(%empty_cache, %empty_cache) at(%c0) in_proj_weight(%w_in)
      out_proj_weight(%w_out) num_heads(1) batch_first
      : (tensor<1x0x2xf32>, tensor<1x1x0x2xf32>, tensor<1x1x0x2xf32>, index,
         tensor<6x2xf32>, tensor<2x2xf32>)
      -> (tensor<1x0x2xf32>, tensor<1x1x0x2xf32>, tensor<1x1x0x2xf32>)
  %no_batch = arith.constant dense<> : tensor<0x1x2xf32>
  %no_cache = arith.constant dense<> : tensor<0x1x4x2xf32>
  %outb, %kb, %vb = s2s.cached_multi_head_attention %no_batch
      cache(%no_cache, %no_cache) at(%c0) in_proj_weight(%w_in)
      out_proj_weight(%w_out) num_heads(1) batch_first
      : (tensor<0x1x2xf32>, tensor<0x1x4x2xf32>, tensor<0x1x4x2xf32>, index,
         tensor<6x2xf32>, tensor<2x2xf32>)
      -> (tensor<0x1x2xf32>, tensor<0x1x4x2xf32>, tensor<0x1x4x2xf32>)
  return %out, %k, %k0, %outb
      : tensor<1x0x2xf32>, tensor<1x1x2x2xf32>, tensor<1x1x0x2xf32>,
        tensor<0x1x2xf32>
}

// A Transformer encoder-decoder (nn.Transformer) generating with a KV cache.
//
// The model of examples/transformer_decoder/model.py: token embeddings
// scaled by sqrt(d) plus a sinusoidal positional encoding, nn.Transformer
// (d_model 32, 4 heads, 2 encoder and 2 decoder layers, feed-forward 64,
// ReLU, post-norm, final encoder and decoder norms), an output projection
// over 16 target tokens (PAD = 0, BOS = 1, EOS = 2). Two entry points decode
// a batch of source sentences of different lengths until every sentence
// (beam) has emitted EOS or after max_len steps:
//
//   @greedy       greedy decoding
//   @beam_search  beam search of width 4, length penalty alpha = 1
//
// with the semantics of greedy() and beam_search() in model.py (the PyTorch
// reference, which runs the decoder over the whole prefix at every step):
// test/Examples/transformer-decoder.test matches them token for token.
//
// The encoder runs once per batch (s2s.multi_head_attention with the
// sources' key padding mask); so do the cross-attention keys and values of
// each decoder layer. Each decoder step runs one position per sentence: its
// self-attention (s2s.cached_multi_head_attention) writes its keys and
// values into a KV cache of capacity 10 per layer, in place in the loop,
// and attends over the cache's valid prefix. Greedy decoding keeps the
// sentences still decoding in the first rows of its state and drops a
// sentence from them when it emits EOS, so that a finished sentence costs
// no further work. Beam search reorders the caches by the beam each
// hypothesis extends (s2s.index_select) and drops a sentence from its state
// when all its beams have finished.
//
// Arguments of both entry points, in order:
//   src        tensor<?x?xi64>  source token ids [B, S], batch-first, PAD after
//                               each sentence's end; S <= 32 (the positions
//                               of pe; checked)
//   src_lens   tensor<?xi64>    source lengths [B], each in [1, S]
//   max_len    tensor<i64>      the most target tokens to produce (at most 10)
//   pe         tensor<32x32xf32>  the positional-encoding table
//   then every state_dict tensor of model.py in state_dict order, named by
//   its key without the leading "transformer." ('.' written '_'): the
//   embeddings, encoder layers 0 and 1 (self_attn in_proj weight and bias,
//   out_proj weight and bias, linear1, linear2, norm1, norm2), the encoder
//   norm, decoder layers 0 and 1 (self_attn, multihead_attn, linear1,
//   linear2, norm1, norm2, norm3), the decoder norm, out.
// Results: the tokens [10, B] (rows past the steps run hold PAD) and the
// steps run; beam search also returns every beam's tokens and scores.

//===----------------------------------------------------------------------===//
// Building blocks
//===----------------------------------------------------------------------===//

// [N, T, 32] -> [N, 4, T, 8]: heads are consecutive slices of 8 features.
func.func private @split_heads(%x: tensor<?x?x32xf32>) -> tensor<?x4x?x8xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = tensor.dim %x, %c0 : tensor<?x?x32xf32>
  %t = tensor.dim %x, %c1 : tensor<?x?x32xf32>
  %heads = tensor.expand_shape %x [[0], [1], [2, 3]] output_shape [%n, %t, 4, 8]
      : tensor<?x?x32xf32> into tensor<?x?x4x8xf32>
  %init = tensor.empty(%n, %t) : tensor<?x4x?x8xf32>
  %moved = linalg.transpose ins(%heads : tensor<?x?x4x8xf32>)
      outs(%init : tensor<?x4x?x8xf32>) permutation = [0, 2, 1, 3]
  return %moved : tensor<?x4x?x8xf32>
}

// [N, 4, T, 8] -> [N, T, 32].
func.func private @merge_heads(%x: tensor<?x4x?x8xf32>) -> tensor<?x?x32xf32> {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %n = tensor.dim %x, %c0 : tensor<?x4x?x8xf32>
  %t = tensor.dim %x, %c2 : tensor<?x4x?x8xf32>
  %init = tensor.empty(%n, %t) : tensor<?x?x4x8xf32>
  %moved = linalg.transpose ins(%x : tensor<?x4x?x8xf32>)
      outs(%init : tensor<?x?x4x8xf32>) permutation = [0, 2, 1, 3]
  %merged = tensor.collapse_shape %moved [[0], [1], [2, 3]]
      : tensor<?x?x4x8xf32> into tensor<?x?x32xf32>
  return %merged : tensor<?x?x32xf32>
}

func.func private @relu(%x: tensor<?x?x64xf32>) -> tensor<?x?x64xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  %n = tensor.dim %x, %c0 : tensor<?x?x64xf32>
  %t = tensor.dim %x, %c1 : tensor<?x?x64xf32>
  %init = tensor.empty(%n, %t) : tensor<?x?x64xf32>
  %y = linalg.generic {
      indexing_maps = [affine_map<(n, t, f) -> (n, t, f)>,
                       affine_map<(n, t, f) -> (n, t, f)>],
      iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%x : tensor<?x?x64xf32>) outs(%init : tensor<?x?x64xf32>) {
  ^bb0(%v: f32, %out: f32):
    %r = arith.maximumf %v, %zero : f32
    linalg.yield %r : f32
  } -> tensor<?x?x64xf32>
  return %y : tensor<?x?x64xf32>
}

// a + b.
func.func private @add(%a: tensor<?x?x32xf32>, %b: tensor<?x?x32xf32>)
    -> tensor<?x?x32xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = tensor.dim %a, %c0 : tensor<?x?x32xf32>
  %t = tensor.dim %a, %c1 : tensor<?x?x32xf32>
  %init = tensor.empty(%n, %t) : tensor<?x?x32xf32>
  %y = linalg.generic {
      indexing_maps = [affine_map<(n, t, f) -> (n, t, f)>,
                       affine_map<(n, t, f) -> (n, t, f)>,
                       affine_map<(n, t, f) -> (n, t, f)>],
      iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%a, %b : tensor<?x?x32xf32>, tensor<?x?x32xf32>)
      outs(%init : tensor<?x?x32xf32>) {
  ^bb0(%x: f32, %z: f32, %out: f32):
    %s = arith.addf %x, %z : f32
    linalg.yield %s : f32
  } -> tensor<?x?x32xf32>
  return %y : tensor<?x?x32xf32>
}

// Embeddings [N, T, 32] of positions start .. start + T - 1:
// emb * sqrt(32) + pe[start + t] (sqrt(32) rounded to f32, as PyTorch
// multiplies an f32 tensor by a Python float).
func.func private @position(%emb: tensor<?x?x32xf32>, %pe: tensor<32x32xf32>,
                            %start: index) -> tensor<?x?x32xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %scale = arith.constant 0x40B504F3 : f32
  %n = tensor.dim %emb, %c0 : tensor<?x?x32xf32>
  %t = tensor.dim %emb, %c1 : tensor<?x?x32xf32>
  %rows = tensor.extract_slice %pe[%start, 0] [%t, 32] [1, 1]
      : tensor<32x32xf32> to tensor<?x32xf32>
  %init = tensor.empty(%n, %t) : tensor<?x?x32xf32>
  %y = linalg.generic {
      indexing_maps = [affine_map<(n, t, f) -> (n, t, f)>,
                       affine_map<(n, t, f) -> (t, f)>,
                       affine_map<(n, t, f) -> (n, t, f)>],
      iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%emb, %rows : tensor<?x?x32xf32>, tensor<?x32xf32>)
      outs(%init : tensor<?x?x32xf32>) {
  ^bb0(%e: f32, %p: f32, %out: f32):
    %scaled = arith.mulf %e, %scale : f32
    %sum = arith.addf %scaled, %p : f32
    linalg.yield %sum : f32
  } -> tensor<?x?x32xf32>
  return %y : tensor<?x?x32xf32>
}

// The feed-forward block with its residual and norm:
// LN(x + linear2(relu(linear1(x)))).
func.func private @feed_forward(%x: tensor<?x?x32xf32>,
                                %w1: tensor<64x32xf32>, %b1: tensor<64xf32>,
                                %w2: tensor<32x64xf32>, %b2: tensor<32xf32>,
                                %norm_w: tensor<32xf32>, %norm_b: tensor<32xf32>)
    -> tensor<?x?x32xf32> {
  %h = s2s.linear %x, %w1, %b1
      : (tensor<?x?x32xf32>, tensor<64x32xf32>, tensor<64xf32>)
      -> tensor<?x?x64xf32>
  %r = func.call @relu(%h) : (tensor<?x?x64xf32>) -> tensor<?x?x64xf32>
  %f = s2s.linear %r, %w2, %b2
      : (tensor<?x?x64xf32>, tensor<32x64xf32>, tensor<32xf32>)
      -> tensor<?x?x32xf32>
  %sum = func.call @add(%x, %f)
      : (tensor<?x?x32xf32>, tensor<?x?x32xf32>) -> tensor<?x?x32xf32>
  %y = s2s.layer_norm %sum weight(%norm_w) bias(%norm_b)
      normalized_shape([32]) eps(1.0e-05)
      : (tensor<?x?x32xf32>, tensor<32xf32>, tensor<32xf32>)
      -> tensor<?x?x32xf32>
  return %y : tensor<?x?x32xf32>
}

// LN(x + attn) for attention output heads [N, 4, T, 8]: heads merged, the
// output projection, the residual and the norm.
func.func private @attention_out(%x: tensor<?x?x32xf32>,
                                 %heads: tensor<?x4x?x8xf32>,
                                 %out_w: tensor<32x32xf32>,
                                 %out_b: tensor<32xf32>,
                                 %norm_w: tensor<32xf32>,
                                 %norm_b: tensor<32xf32>)
    -> tensor<?x?x32xf32> {
  %merged = func.call @merge_heads(%heads)
      : (tensor<?x4x?x8xf32>) -> tensor<?x?x32xf32>
  %o = s2s.linear %merged, %out_w, %out_b
      : (tensor<?x?x32xf32>, tensor<32x32xf32>, tensor<32xf32>)
      -> tensor<?x?x32xf32>
  %sum = func.call @add(%x, %o)
      : (tensor<?x?x32xf32>, tensor<?x?x32xf32>) -> tensor<?x?x32xf32>
  %y = s2s.layer_norm %sum weight(%norm_w) bias(%norm_b)
      normalized_shape([32]) eps(1.0e-05)
      : (tensor<?x?x32xf32>, tensor<32xf32>, tensor<32xf32>)
      -> tensor<?x?x32xf32>
  return %y : tensor<?x?x32xf32>
}

// Rows [first, first + 32) of a packed in_proj weight [96, 32] and bias
// [96]: the q (0), k (32) or v (64) projection.
func.func private @projection(%x: tensor<?x?x32xf32>, %in_w: tensor<96x32xf32>,
                              %in_b: tensor<96xf32>, %first: index)
    -> tensor<?x4x?x8xf32> {
  %w = tensor.extract_slice %in_w[%first, 0] [32, 32] [1, 1]
      : tensor<96x32xf32> to tensor<32x32xf32>
  %b = tensor.extract_slice %in_b[%first] [32] [1]
      : tensor<96xf32> to tensor<32xf32>
  %p = s2s.linear %x, %w, %b
      : (tensor<?x?x32xf32>, tensor<32x32xf32>, tensor<32xf32>)
      -> tensor<?x?x32xf32>
  %heads = func.call @split_heads(%p)
      : (tensor<?x?x32xf32>) -> tensor<?x4x?x8xf32>
  return %heads : tensor<?x4x?x8xf32>
}

//===----------------------------------------------------------------------===//
// Encoder
//===----------------------------------------------------------------------===//

func.func private @encoder_layer(%x: tensor<?x?x32xf32>, %kpm: tensor<?x?xi1>,
    %in_w: tensor<96x32xf32>, %in_b: tensor<96xf32>,
    %out_w: tensor<32x32xf32>, %out_b: tensor<32xf32>,
    %l1_w: tensor<64x32xf32>, %l1_b: tensor<64xf32>,
    %l2_w: tensor<32x64xf32>, %l2_b: tensor<32xf32>,
    %n1_w: tensor<32xf32>, %n1_b: tensor<32xf32>,
    %n2_w: tensor<32xf32>, %n2_b: tensor<32xf32>) -> tensor<?x?x32xf32> {
  %attn = s2s.multi_head_attention %x
      in_proj_weight(%in_w) in_proj_bias(%in_b)
      out_proj_weight(%out_w) out_proj_bias(%out_b)
      key_padding_mask(%kpm) num_heads(4) batch_first
      : (tensor<?x?x32xf32>, tensor<96x32xf32>, tensor<96xf32>,
         tensor<32x32xf32>, tensor<32xf32>, tensor<?x?xi1>)
      -> tensor<?x?x32xf32>
  %sum = func.call @add(%x, %attn)
      : (tensor<?x?x32xf32>, tensor<?x?x32xf32>) -> tensor<?x?x32xf32>
  %x1 = s2s.layer_norm %sum weight(%n1_w) bias(%n1_b)
      normalized_shape([32]) eps(1.0e-05)
      : (tensor<?x?x32xf32>, tensor<32xf32>, tensor<32xf32>)
      -> tensor<?x?x32xf32>
  %y = func.call @feed_forward(%x1, %l1_w, %l1_b, %l2_w, %l2_b, %n2_w, %n2_b)
      : (tensor<?x?x32xf32>, tensor<64x32xf32>, tensor<64xf32>,
         tensor<32x64xf32>, tensor<32xf32>, tensor<32xf32>, tensor<32xf32>)
      -> tensor<?x?x32xf32>
  return %y : tensor<?x?x32xf32>
}

// The memory [B, S, 32] of the source batch, and its padding mask [B, S]
// (true = a real token, s < src_lens[b]).
func.func private @encode(%src: tensor<?x?xi64>, %src_lens: tensor<?xi64>,
    %pe: tensor<32x32xf32>, %src_emb_weight: tensor<20x32xf32>,
    %e0_in_w: tensor<96x32xf32>, %e0_in_b: tensor<96xf32>,
    %e0_out_w: tensor<32x32xf32>, %e0_out_b: tensor<32xf32>,
    %e0_l1_w: tensor<64x32xf32>, %e0_l1_b: tensor<64xf32>,
    %e0_l2_w: tensor<32x64xf32>, %e0_l2_b: tensor<32xf32>,
    %e0_n1_w: tensor<32xf32>, %e0_n1_b: tensor<32xf32>,
    %e0_n2_w: tensor<32xf32>, %e0_n2_b: tensor<32xf32>,
    %e1_in_w: tensor<96x32xf32>, %e1_in_b: tensor<96xf32>,
    %e1_out_w: tensor<32x32xf32>, %e1_out_b: tensor<32xf32>,
    %e1_l1_w: tensor<64x32xf32>, %e1_l1_b: tensor<64xf32>,
    %e1_l2_w: tensor<32x64xf32>, %e1_l2_b: tensor<32xf32>,
    %e1_n1_w: tensor<32xf32>, %e1_n1_b: tensor<32xf32>,
    %e1_n2_w: tensor<32xf32>, %e1_n2_b: tensor<32xf32>,
    %norm_w: tensor<32xf32>, %norm_b: tensor<32xf32>)
    -> (tensor<?x?x32xf32>, tensor<?x?xi1>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %B = tensor.dim %src, %c0 : tensor<?x?xi64>
  %S = tensor.dim %src, %c1 : tensor<?x?xi64>
  // The positional-encoding table has 32 rows: a longer source has no
  // position to read (a check of sizes: the entry's status, before the
  // computation).
  %c32 = arith.constant 32 : index
  %fits = arith.cmpi sle, %S, %c32 : index
  cf.assert %fits, "a source sentence of more than 32 tokens: 'pe' has 32 positions"
  %emb = s2s.embedding %src, %src_emb_weight
      : (tensor<?x?xi64>, tensor<20x32xf32>) -> tensor<?x?x32xf32>
  %x0 = func.call @position(%emb, %pe, %c0)
      : (tensor<?x?x32xf32>, tensor<32x32xf32>, index) -> tensor<?x?x32xf32>
  %kpm_init = tensor.empty(%B, %S) : tensor<?x?xi1>
  %kpm = linalg.generic {
      indexing_maps = [affine_map<(b, s) -> (b)>, affine_map<(b, s) -> (b, s)>],
      iterator_types = ["parallel", "parallel"]}
      ins(%src_lens : tensor<?xi64>) outs(%kpm_init : tensor<?x?xi1>) {
  ^bb0(%len: i64, %out: i1):
    %s = linalg.index 1 : index
    %s64 = arith.index_cast %s : index to i64
    %real = arith.cmpi slt, %s64, %len : i64
    linalg.yield %real : i1
  } -> tensor<?x?xi1>
  %x1 = func.call @encoder_layer(%x0, %kpm, %e0_in_w, %e0_in_b, %e0_out_w, %e0_out_b, %e0_l1_w, %e0_l1_b, %e0_l2_w,
      %e0_l2_b, %e0_n1_w, %e0_n1_b, %e0_n2_w, %e0_n2_b)
      : (tensor<?x?x32xf32>, tensor<?x?xi1>, tensor<96x32xf32>, tensor<96xf32>, tensor<32x32xf32>, tensor<32xf32>,
         tensor<64x32xf32>, tensor<64xf32>, tensor<32x64xf32>, tensor<32xf32>,
         tensor<32xf32>, tensor<32xf32>, tensor<32xf32>, tensor<32xf32>)
      -> tensor<?x?x32xf32>
  %x2 = func.call @encoder_layer(%x1, %kpm, %e1_in_w, %e1_in_b, %e1_out_w, %e1_out_b, %e1_l1_w, %e1_l1_b, %e1_l2_w,
      %e1_l2_b, %e1_n1_w, %e1_n1_b, %e1_n2_w, %e1_n2_b)
      : (tensor<?x?x32xf32>, tensor<?x?xi1>, tensor<96x32xf32>, tensor<96xf32>, tensor<32x32xf32>, tensor<32xf32>,
         tensor<64x32xf32>, tensor<64xf32>, tensor<32x64xf32>, tensor<32xf32>,
         tensor<32xf32>, tensor<32xf32>, tensor<32xf32>, tensor<32xf32>)
      -> tensor<?x?x32xf32>
  %memory = s2s.layer_norm %x2 weight(%norm_w) bias(%norm_b)
      normalized_shape([32]) eps(1.0e-05)
      : (tensor<?x?x32xf32>, tensor<32xf32>, tensor<32xf32>)
      -> tensor<?x?x32xf32>
  return %memory, %kpm : tensor<?x?x32xf32>, tensor<?x?xi1>
}

//===----------------------------------------------------------------------===//
// Decoder
//===----------------------------------------------------------------------===//

// The cross-attention keys and values of a decoder layer over the memory,
// [B, 4, S, 8] each: computed once per batch.
func.func private @cross_kv(%memory: tensor<?x?x32xf32>,
                            %in_w: tensor<96x32xf32>, %in_b: tensor<96xf32>)
    -> (tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>) {
  %c32 = arith.constant 32 : index
  %c64 = arith.constant 64 : index
  %k = func.call @projection(%memory, %in_w, %in_b, %c32)
      : (tensor<?x?x32xf32>, tensor<96x32xf32>, tensor<96xf32>, index)
      -> tensor<?x4x?x8xf32>
  %v = func.call @projection(%memory, %in_w, %in_b, %c64)
      : (tensor<?x?x32xf32>, tensor<96x32xf32>, tensor<96xf32>, index)
      -> tensor<?x4x?x8xf32>
  return %k, %v : tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>
}

// One step of a decoder layer for the position `pos` of N rows: x [N, 1, 32]
// -> x', with the layer's self-attention keys and values written into its
// caches [N, 4, 10, 8] at pos; the self-attention reads the valid prefix
// (positions 0 .. pos), the cross-attention the memory's keys and values
// [N, 4, S, 8] through cross_mask [N, 1, 1, S].
func.func private @decoder_layer(%x: tensor<?x?x32xf32>,
    %k_cache: tensor<?x4x10x8xf32>, %v_cache: tensor<?x4x10x8xf32>,
    %pos: index, %kc: tensor<?x4x?x8xf32>, %vc: tensor<?x4x?x8xf32>,
    %cross_mask: tensor<?x1x1x?xi1>,
    %sa_in_w: tensor<96x32xf32>, %sa_in_b: tensor<96xf32>,
    %sa_out_w: tensor<32x32xf32>, %sa_out_b: tensor<32xf32>,
    %ca_in_w: tensor<96x32xf32>, %ca_in_b: tensor<96xf32>,
    %ca_out_w: tensor<32x32xf32>, %ca_out_b: tensor<32xf32>,
    %l1_w: tensor<64x32xf32>, %l1_b: tensor<64xf32>,
    %l2_w: tensor<32x64xf32>, %l2_b: tensor<32xf32>,
    %n1_w: tensor<32xf32>, %n1_b: tensor<32xf32>,
    %n2_w: tensor<32xf32>, %n2_b: tensor<32xf32>,
    %n3_w: tensor<32xf32>, %n3_b: tensor<32xf32>)
    -> (tensor<?x?x32xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>) {
  %c0 = arith.constant 0 : index
  // Self-attention over the cache: the step's keys and values are written
  // into the caches at pos, the query attends over positions 0 .. pos.
  %sa, %k_cache_next, %v_cache_next = s2s.cached_multi_head_attention %x
      cache(%k_cache, %v_cache) at(%pos)
      in_proj_weight(%sa_in_w) in_proj_bias(%sa_in_b)
      out_proj_weight(%sa_out_w) out_proj_bias(%sa_out_b)
      num_heads(4) batch_first causal
      : (tensor<?x?x32xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
         index, tensor<96x32xf32>, tensor<96xf32>, tensor<32x32xf32>,
         tensor<32xf32>)
      -> (tensor<?x?x32xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>)
  %sa_sum = func.call @add(%x, %sa)
      : (tensor<?x?x32xf32>, tensor<?x?x32xf32>) -> tensor<?x?x32xf32>
  %x1 = s2s.layer_norm %sa_sum weight(%n1_w) bias(%n1_b)
      normalized_shape([32]) eps(1.0e-05)
      : (tensor<?x?x32xf32>, tensor<32xf32>, tensor<32xf32>)
      -> tensor<?x?x32xf32>
  // Cross-attention over the memory.
  %cq = func.call @projection(%x1, %ca_in_w, %ca_in_b, %c0)
      : (tensor<?x?x32xf32>, tensor<96x32xf32>, tensor<96xf32>, index)
      -> tensor<?x4x?x8xf32>
  %ca = s2s.scaled_dot_product_attention %cq, %kc, %vc mask(%cross_mask)
      : (tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
         tensor<?x1x1x?xi1>) -> tensor<?x4x?x8xf32>
  %x2 = func.call @attention_out(%x1, %ca, %ca_out_w, %ca_out_b, %n2_w, %n2_b)
      : (tensor<?x?x32xf32>, tensor<?x4x?x8xf32>, tensor<32x32xf32>,
         tensor<32xf32>, tensor<32xf32>, tensor<32xf32>) -> tensor<?x?x32xf32>
  %x3 = func.call @feed_forward(%x2, %l1_w, %l1_b, %l2_w, %l2_b, %n3_w, %n3_b)
      : (tensor<?x?x32xf32>, tensor<64x32xf32>, tensor<64xf32>,
         tensor<32x64xf32>, tensor<32xf32>, tensor<32xf32>, tensor<32xf32>)
      -> tensor<?x?x32xf32>
  return %x3, %k_cache_next, %v_cache_next
      : tensor<?x?x32xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>
}

// The logits [N, 16] of the tokens y [N] at position pos, through both
// decoder layers (their caches updated), the decoder norm and out.
func.func private @decode_step(%y: tensor<?xi64>, %pos: index,
    %pe: tensor<32x32xf32>, %tgt_emb_weight: tensor<16x32xf32>,
    %k0: tensor<?x4x10x8xf32>, %v0: tensor<?x4x10x8xf32>,
    %k1: tensor<?x4x10x8xf32>, %v1: tensor<?x4x10x8xf32>,
    %kc0: tensor<?x4x?x8xf32>, %vc0: tensor<?x4x?x8xf32>,
    %kc1: tensor<?x4x?x8xf32>, %vc1: tensor<?x4x?x8xf32>,
    %cross_mask: tensor<?x1x1x?xi1>,
    %d0_sa_in_w: tensor<96x32xf32>, %d0_sa_in_b: tensor<96xf32>,
    %d0_sa_out_w: tensor<32x32xf32>, %d0_sa_out_b: tensor<32xf32>,
    %d0_ca_in_w: tensor<96x32xf32>, %d0_ca_in_b: tensor<96xf32>,
    %d0_ca_out_w: tensor<32x32xf32>, %d0_ca_out_b: tensor<32xf32>,
    %d0_l1_w: tensor<64x32xf32>, %d0_l1_b: tensor<64xf32>,
    %d0_l2_w: tensor<32x64xf32>, %d0_l2_b: tensor<32xf32>,
    %d0_n1_w: tensor<32xf32>, %d0_n1_b: tensor<32xf32>,
    %d0_n2_w: tensor<32xf32>, %d0_n2_b: tensor<32xf32>,
    %d0_n3_w: tensor<32xf32>, %d0_n3_b: tensor<32xf32>,
    %d1_sa_in_w: tensor<96x32xf32>, %d1_sa_in_b: tensor<96xf32>,
    %d1_sa_out_w: tensor<32x32xf32>, %d1_sa_out_b: tensor<32xf32>,
    %d1_ca_in_w: tensor<96x32xf32>, %d1_ca_in_b: tensor<96xf32>,
    %d1_ca_out_w: tensor<32x32xf32>, %d1_ca_out_b: tensor<32xf32>,
    %d1_l1_w: tensor<64x32xf32>, %d1_l1_b: tensor<64xf32>,
    %d1_l2_w: tensor<32x64xf32>, %d1_l2_b: tensor<32xf32>,
    %d1_n1_w: tensor<32xf32>, %d1_n1_b: tensor<32xf32>,
    %d1_n2_w: tensor<32xf32>, %d1_n2_b: tensor<32xf32>,
    %d1_n3_w: tensor<32xf32>, %d1_n3_b: tensor<32xf32>,
    %norm_w: tensor<32xf32>, %norm_b: tensor<32xf32>,
    %out_w: tensor<16x32xf32>, %out_b: tensor<16xf32>)
    -> (tensor<?x16xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
        tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>) {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %y, %c0 : tensor<?xi64>
  %y2 = tensor.expand_shape %y [[0, 1]] output_shape [%n, 1]
      : tensor<?xi64> into tensor<?x1xi64>
  %emb = s2s.embedding %y2, %tgt_emb_weight
      : (tensor<?x1xi64>, tensor<16x32xf32>) -> tensor<?x1x32xf32>
  %emb_dyn = tensor.cast %emb : tensor<?x1x32xf32> to tensor<?x?x32xf32>
  %x0 = func.call @position(%emb_dyn, %pe, %pos)
      : (tensor<?x?x32xf32>, tensor<32x32xf32>, index) -> tensor<?x?x32xf32>
  %x1, %k0_next, %v0_next = func.call @decoder_layer(%x0, %k0, %v0, %pos,
      %kc0, %vc0, %cross_mask, %d0_sa_in_w, %d0_sa_in_b, %d0_sa_out_w, %d0_sa_out_b, %d0_ca_in_w,
      %d0_ca_in_b, %d0_ca_out_w, %d0_ca_out_b, %d0_l1_w, %d0_l1_b, %d0_l2_w,
      %d0_l2_b, %d0_n1_w, %d0_n1_b, %d0_n2_w, %d0_n2_b, %d0_n3_w, %d0_n3_b)
      : (tensor<?x?x32xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
         index, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x1x1x?xi1>,
         tensor<96x32xf32>, tensor<96xf32>, tensor<32x32xf32>, tensor<32xf32>,
         tensor<96x32xf32>, tensor<96xf32>, tensor<32x32xf32>, tensor<32xf32>,
         tensor<64x32xf32>, tensor<64xf32>, tensor<32x64xf32>, tensor<32xf32>,
         tensor<32xf32>, tensor<32xf32>, tensor<32xf32>, tensor<32xf32>,
         tensor<32xf32>, tensor<32xf32>)
      -> (tensor<?x?x32xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>)
  %x2, %k1_next, %v1_next = func.call @decoder_layer(%x1, %k1, %v1, %pos,
      %kc1, %vc1, %cross_mask, %d1_sa_in_w, %d1_sa_in_b, %d1_sa_out_w, %d1_sa_out_b, %d1_ca_in_w,
      %d1_ca_in_b, %d1_ca_out_w, %d1_ca_out_b, %d1_l1_w, %d1_l1_b, %d1_l2_w,
      %d1_l2_b, %d1_n1_w, %d1_n1_b, %d1_n2_w, %d1_n2_b, %d1_n3_w, %d1_n3_b)
      : (tensor<?x?x32xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
         index, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x1x1x?xi1>,
         tensor<96x32xf32>, tensor<96xf32>, tensor<32x32xf32>, tensor<32xf32>,
         tensor<96x32xf32>, tensor<96xf32>, tensor<32x32xf32>, tensor<32xf32>,
         tensor<64x32xf32>, tensor<64xf32>, tensor<32x64xf32>, tensor<32xf32>,
         tensor<32xf32>, tensor<32xf32>, tensor<32xf32>, tensor<32xf32>,
         tensor<32xf32>, tensor<32xf32>)
      -> (tensor<?x?x32xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>)
  %x3 = s2s.layer_norm %x2 weight(%norm_w) bias(%norm_b)
      normalized_shape([32]) eps(1.0e-05)
      : (tensor<?x?x32xf32>, tensor<32xf32>, tensor<32xf32>)
      -> tensor<?x?x32xf32>
  %x4 = tensor.cast %x3 : tensor<?x?x32xf32> to tensor<?x1x32xf32>
  %x5 = tensor.collapse_shape %x4 [[0, 1], [2]]
      : tensor<?x1x32xf32> into tensor<?x32xf32>
  %logits = s2s.linear %x5, %out_w, %out_b
      : (tensor<?x32xf32>, tensor<16x32xf32>, tensor<16xf32>)
      -> tensor<?x16xf32>
  return %logits, %k0_next, %v0_next, %k1_next, %v1_next
      : tensor<?x16xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
        tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>
}

// An empty KV cache for N rows.
func.func private @empty_cache(%n: index) -> tensor<?x4x10x8xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty(%n) : tensor<?x4x10x8xf32>
  %cache = linalg.fill ins(%zero : f32) outs(%empty : tensor<?x4x10x8xf32>)
      -> tensor<?x4x10x8xf32>
  return %cache : tensor<?x4x10x8xf32>
}

// Row `from` of a row-indexed state written at row `to` (to < from): the
// compaction of the active rows of greedy decoding.
func.func private @move_cache_row(%t: tensor<?x4x10x8xf32>, %from: index,
                                  %to: index) -> tensor<?x4x10x8xf32> {
  %row = tensor.extract_slice %t[%from, 0, 0, 0] [1, 4, 10, 8] [1, 1, 1, 1]
      : tensor<?x4x10x8xf32> to tensor<1x4x10x8xf32>
  %moved = tensor.insert_slice %row into %t[%to, 0, 0, 0] [1, 4, 10, 8]
      [1, 1, 1, 1] : tensor<1x4x10x8xf32> into tensor<?x4x10x8xf32>
  return %moved : tensor<?x4x10x8xf32>
}

func.func private @move_cross_row(%t: tensor<?x4x?x8xf32>, %from: index,
                                  %to: index) -> tensor<?x4x?x8xf32> {
  %c2 = arith.constant 2 : index
  %s = tensor.dim %t, %c2 : tensor<?x4x?x8xf32>
  %row = tensor.extract_slice %t[%from, 0, 0, 0] [1, 4, %s, 8] [1, 1, 1, 1]
      : tensor<?x4x?x8xf32> to tensor<1x4x?x8xf32>
  %moved = tensor.insert_slice %row into %t[%to, 0, 0, 0] [1, 4, %s, 8]
      [1, 1, 1, 1] : tensor<1x4x?x8xf32> into tensor<?x4x?x8xf32>
  return %moved : tensor<?x4x?x8xf32>
}

func.func private @move_mask_row(%t: tensor<?x?xi1>, %from: index,
                                 %to: index) -> tensor<?x?xi1> {
  %c1 = arith.constant 1 : index
  %s = tensor.dim %t, %c1 : tensor<?x?xi1>
  %row = tensor.extract_slice %t[%from, 0] [1, %s] [1, 1]
      : tensor<?x?xi1> to tensor<1x?xi1>
  %moved = tensor.insert_slice %row into %t[%to, 0] [1, %s] [1, 1]
      : tensor<1x?xi1> into tensor<?x?xi1>
  return %moved : tensor<?x?xi1>
}

//===----------------------------------------------------------------------===//
// Greedy decoding
//===----------------------------------------------------------------------===//

func.func @greedy(%src: tensor<?x?xi64>, %src_lens: tensor<?xi64>,
                  %max_len_t: tensor<i64>, %pe: tensor<32x32xf32>,
                  %src_emb_weight: tensor<20x32xf32>,
                  %tgt_emb_weight: tensor<16x32xf32>,
                  %encoder_layers_0_self_attn_in_proj_weight: tensor<96x32xf32>,
                  %encoder_layers_0_self_attn_in_proj_bias: tensor<96xf32>,
                  %encoder_layers_0_self_attn_out_proj_weight: tensor<32x32xf32>,
                  %encoder_layers_0_self_attn_out_proj_bias: tensor<32xf32>,
                  %encoder_layers_0_linear1_weight: tensor<64x32xf32>,
                  %encoder_layers_0_linear1_bias: tensor<64xf32>,
                  %encoder_layers_0_linear2_weight: tensor<32x64xf32>,
                  %encoder_layers_0_linear2_bias: tensor<32xf32>,
                  %encoder_layers_0_norm1_weight: tensor<32xf32>,
                  %encoder_layers_0_norm1_bias: tensor<32xf32>,
                  %encoder_layers_0_norm2_weight: tensor<32xf32>,
                  %encoder_layers_0_norm2_bias: tensor<32xf32>,
                  %encoder_layers_1_self_attn_in_proj_weight: tensor<96x32xf32>,
                  %encoder_layers_1_self_attn_in_proj_bias: tensor<96xf32>,
                  %encoder_layers_1_self_attn_out_proj_weight: tensor<32x32xf32>,
                  %encoder_layers_1_self_attn_out_proj_bias: tensor<32xf32>,
                  %encoder_layers_1_linear1_weight: tensor<64x32xf32>,
                  %encoder_layers_1_linear1_bias: tensor<64xf32>,
                  %encoder_layers_1_linear2_weight: tensor<32x64xf32>,
                  %encoder_layers_1_linear2_bias: tensor<32xf32>,
                  %encoder_layers_1_norm1_weight: tensor<32xf32>,
                  %encoder_layers_1_norm1_bias: tensor<32xf32>,
                  %encoder_layers_1_norm2_weight: tensor<32xf32>,
                  %encoder_layers_1_norm2_bias: tensor<32xf32>,
                  %encoder_norm_weight: tensor<32xf32>,
                  %encoder_norm_bias: tensor<32xf32>,
                  %decoder_layers_0_self_attn_in_proj_weight: tensor<96x32xf32>,
                  %decoder_layers_0_self_attn_in_proj_bias: tensor<96xf32>,
                  %decoder_layers_0_self_attn_out_proj_weight: tensor<32x32xf32>,
                  %decoder_layers_0_self_attn_out_proj_bias: tensor<32xf32>,
                  %decoder_layers_0_multihead_attn_in_proj_weight: tensor<96x32xf32>,
                  %decoder_layers_0_multihead_attn_in_proj_bias: tensor<96xf32>,
                  %decoder_layers_0_multihead_attn_out_proj_weight: tensor<32x32xf32>,
                  %decoder_layers_0_multihead_attn_out_proj_bias: tensor<32xf32>,
                  %decoder_layers_0_linear1_weight: tensor<64x32xf32>,
                  %decoder_layers_0_linear1_bias: tensor<64xf32>,
                  %decoder_layers_0_linear2_weight: tensor<32x64xf32>,
                  %decoder_layers_0_linear2_bias: tensor<32xf32>,
                  %decoder_layers_0_norm1_weight: tensor<32xf32>,
                  %decoder_layers_0_norm1_bias: tensor<32xf32>,
                  %decoder_layers_0_norm2_weight: tensor<32xf32>,
                  %decoder_layers_0_norm2_bias: tensor<32xf32>,
                  %decoder_layers_0_norm3_weight: tensor<32xf32>,
                  %decoder_layers_0_norm3_bias: tensor<32xf32>,
                  %decoder_layers_1_self_attn_in_proj_weight: tensor<96x32xf32>,
                  %decoder_layers_1_self_attn_in_proj_bias: tensor<96xf32>,
                  %decoder_layers_1_self_attn_out_proj_weight: tensor<32x32xf32>,
                  %decoder_layers_1_self_attn_out_proj_bias: tensor<32xf32>,
                  %decoder_layers_1_multihead_attn_in_proj_weight: tensor<96x32xf32>,
                  %decoder_layers_1_multihead_attn_in_proj_bias: tensor<96xf32>,
                  %decoder_layers_1_multihead_attn_out_proj_weight: tensor<32x32xf32>,
                  %decoder_layers_1_multihead_attn_out_proj_bias: tensor<32xf32>,
                  %decoder_layers_1_linear1_weight: tensor<64x32xf32>,
                  %decoder_layers_1_linear1_bias: tensor<64xf32>,
                  %decoder_layers_1_linear2_weight: tensor<32x64xf32>,
                  %decoder_layers_1_linear2_bias: tensor<32xf32>,
                  %decoder_layers_1_norm1_weight: tensor<32xf32>,
                  %decoder_layers_1_norm1_bias: tensor<32xf32>,
                  %decoder_layers_1_norm2_weight: tensor<32xf32>,
                  %decoder_layers_1_norm2_bias: tensor<32xf32>,
                  %decoder_layers_1_norm3_weight: tensor<32xf32>,
                  %decoder_layers_1_norm3_bias: tensor<32xf32>,
                  %decoder_norm_weight: tensor<32xf32>,
                  %decoder_norm_bias: tensor<32xf32>,
                  %out_weight: tensor<16x32xf32>, %out_bias: tensor<16xf32>)
    -> (tensor<10x?xi64>, tensor<i64>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c10 = arith.constant 10 : index
  %pad = arith.constant 0 : i64
  %bos = arith.constant 1 : i64
  %eos = arith.constant 2 : i64
  %false = arith.constant false
  %zero = arith.constant 0 : i64
  %capacity = arith.constant 10 : i64
  %B = tensor.dim %src, %c0 : tensor<?x?xi64>
  %S = tensor.dim %src, %c1 : tensor<?x?xi64>
  %max_len_i64 = tensor.extract %max_len_t[] : tensor<i64>
  %max_len_nonneg = arith.maxsi %max_len_i64, %zero : i64
  %max_len_clamped = arith.minsi %max_len_nonneg, %capacity : i64
  %max_len = arith.index_cast %max_len_clamped : i64 to index

  %memory, %kpm = func.call @encode(%src, %src_lens, %pe, %src_emb_weight,
      %encoder_layers_0_self_attn_in_proj_weight,
      %encoder_layers_0_self_attn_in_proj_bias,
      %encoder_layers_0_self_attn_out_proj_weight,
      %encoder_layers_0_self_attn_out_proj_bias,
      %encoder_layers_0_linear1_weight, %encoder_layers_0_linear1_bias,
      %encoder_layers_0_linear2_weight, %encoder_layers_0_linear2_bias,
      %encoder_layers_0_norm1_weight, %encoder_layers_0_norm1_bias,
      %encoder_layers_0_norm2_weight, %encoder_layers_0_norm2_bias,
      %encoder_layers_1_self_attn_in_proj_weight,
      %encoder_layers_1_self_attn_in_proj_bias,
      %encoder_layers_1_self_attn_out_proj_weight,
      %encoder_layers_1_self_attn_out_proj_bias,
      %encoder_layers_1_linear1_weight, %encoder_layers_1_linear1_bias,
      %encoder_layers_1_linear2_weight, %encoder_layers_1_linear2_bias,
      %encoder_layers_1_norm1_weight, %encoder_layers_1_norm1_bias,
      %encoder_layers_1_norm2_weight, %encoder_layers_1_norm2_bias,
      %encoder_norm_weight, %encoder_norm_bias)
      : (tensor<?x?xi64>, tensor<?xi64>, tensor<32x32xf32>, tensor<20x32xf32>,
         tensor<96x32xf32>, tensor<96xf32>, tensor<32x32xf32>, tensor<32xf32>,
         tensor<64x32xf32>, tensor<64xf32>, tensor<32x64xf32>, tensor<32xf32>,
         tensor<32xf32>, tensor<32xf32>, tensor<32xf32>, tensor<32xf32>,
         tensor<96x32xf32>, tensor<96xf32>, tensor<32x32xf32>, tensor<32xf32>,
         tensor<64x32xf32>, tensor<64xf32>, tensor<32x64xf32>, tensor<32xf32>,
         tensor<32xf32>, tensor<32xf32>, tensor<32xf32>, tensor<32xf32>,
         tensor<32xf32>, tensor<32xf32>)
      -> (tensor<?x?x32xf32>, tensor<?x?xi1>)
  %kc0, %vc0 = func.call @cross_kv(%memory, %decoder_layers_0_multihead_attn_in_proj_weight,
      %decoder_layers_0_multihead_attn_in_proj_bias)
      : (tensor<?x?x32xf32>, tensor<96x32xf32>, tensor<96xf32>)
      -> (tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>)
  %kc1, %vc1 = func.call @cross_kv(%memory, %decoder_layers_1_multihead_attn_in_proj_weight,
      %decoder_layers_1_multihead_attn_in_proj_bias)
      : (tensor<?x?x32xf32>, tensor<96x32xf32>, tensor<96xf32>)
      -> (tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>)

  %k0_init = func.call @empty_cache(%B) : (index) -> tensor<?x4x10x8xf32>
  %v0_init = func.call @empty_cache(%B) : (index) -> tensor<?x4x10x8xf32>
  %k1_init = func.call @empty_cache(%B) : (index) -> tensor<?x4x10x8xf32>
  %v1_init = func.call @empty_cache(%B) : (index) -> tensor<?x4x10x8xf32>
  %y_empty = tensor.empty(%B) : tensor<?xi64>
  %y0 = linalg.fill ins(%bos : i64) outs(%y_empty : tensor<?xi64>)
      -> tensor<?xi64>
  %rows0 = linalg.generic {
      indexing_maps = [affine_map<(b) -> (b)>], iterator_types = ["parallel"]}
      outs(%y_empty : tensor<?xi64>) {
  ^bb0(%unused: i64):
    %b = linalg.index 0 : index
    %b_i64 = arith.index_cast %b : index to i64
    linalg.yield %b_i64 : i64
  } -> tensor<?xi64>
  %tokens_empty = tensor.empty(%c10, %B) : tensor<?x?xi64>
  %tokens0 = linalg.fill ins(%pad : i64) outs(%tokens_empty : tensor<?x?xi64>)
      -> tensor<?x?xi64>

  // The loop keeps the N sentences still decoding in rows 0 .. N-1 of every
  // row-indexed state (tokens fed back, KV caches, the cross-attention keys,
  // values and mask), `rows` saying which sentence each is; a sentence that
  // emits EOS leaves them (the rows after it move up, in place), so that a
  // finished sentence costs no further work. Its column of `tokens` keeps
  // PAD from then on.
  %loop:14 = scf.while (%step = %c0, %n = %B, %rows = %rows0, %y = %y0,
                        %tokens = %tokens0, %k0 = %k0_init, %v0 = %v0_init,
                        %k1 = %k1_init, %v1 = %v1_init, %kc0_r = %kc0,
                        %vc0_r = %vc0, %kc1_r = %kc1, %vc1_r = %vc1,
                        %kpm_r = %kpm)
      : (index, index, tensor<?xi64>, tensor<?xi64>, tensor<?x?xi64>,
         tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
         tensor<?x4x10x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
         tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x?xi1>)
     -> (index, index, tensor<?xi64>, tensor<?xi64>, tensor<?x?xi64>,
         tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
         tensor<?x4x10x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
         tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x?xi1>) {
    %in_budget = arith.cmpi slt, %step, %max_len : index
    %some_left = arith.cmpi sgt, %n, %c0 : index
    %go = arith.andi %in_budget, %some_left : i1
    scf.condition(%go) %step, %n, %rows, %y, %tokens, %k0, %v0, %k1, %v1,
        %kc0_r, %vc0_r, %kc1_r, %vc1_r, %kpm_r
        : index, index, tensor<?xi64>, tensor<?xi64>, tensor<?x?xi64>,
         tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
         tensor<?x4x10x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
         tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x?xi1>
  } do {
  ^bb0(%step: index, %n: index, %rows: tensor<?xi64>, %y: tensor<?xi64>,
       %tokens: tensor<?x?xi64>, %k0: tensor<?x4x10x8xf32>,
       %v0: tensor<?x4x10x8xf32>, %k1: tensor<?x4x10x8xf32>,
       %v1: tensor<?x4x10x8xf32>, %kc0_r: tensor<?x4x?x8xf32>,
       %vc0_r: tensor<?x4x?x8xf32>, %kc1_r: tensor<?x4x?x8xf32>,
       %vc1_r: tensor<?x4x?x8xf32>, %kpm_r: tensor<?x?xi1>):
    // The active rows: views of the first N rows.
    %y_a = tensor.extract_slice %y[0] [%n] [1]
        : tensor<?xi64> to tensor<?xi64>
    %k0_a = tensor.extract_slice %k0[0, 0, 0, 0] [%n, 4, 10, 8] [1, 1, 1, 1]
        : tensor<?x4x10x8xf32> to tensor<?x4x10x8xf32>
    %v0_a = tensor.extract_slice %v0[0, 0, 0, 0] [%n, 4, 10, 8] [1, 1, 1, 1]
        : tensor<?x4x10x8xf32> to tensor<?x4x10x8xf32>
    %k1_a = tensor.extract_slice %k1[0, 0, 0, 0] [%n, 4, 10, 8] [1, 1, 1, 1]
        : tensor<?x4x10x8xf32> to tensor<?x4x10x8xf32>
    %v1_a = tensor.extract_slice %v1[0, 0, 0, 0] [%n, 4, 10, 8] [1, 1, 1, 1]
        : tensor<?x4x10x8xf32> to tensor<?x4x10x8xf32>
    %kc0_a = tensor.extract_slice %kc0_r[0, 0, 0, 0] [%n, 4, %S, 8]
        [1, 1, 1, 1] : tensor<?x4x?x8xf32> to tensor<?x4x?x8xf32>
    %vc0_a = tensor.extract_slice %vc0_r[0, 0, 0, 0] [%n, 4, %S, 8]
        [1, 1, 1, 1] : tensor<?x4x?x8xf32> to tensor<?x4x?x8xf32>
    %kc1_a = tensor.extract_slice %kc1_r[0, 0, 0, 0] [%n, 4, %S, 8]
        [1, 1, 1, 1] : tensor<?x4x?x8xf32> to tensor<?x4x?x8xf32>
    %vc1_a = tensor.extract_slice %vc1_r[0, 0, 0, 0] [%n, 4, %S, 8]
        [1, 1, 1, 1] : tensor<?x4x?x8xf32> to tensor<?x4x?x8xf32>
    %kpm_a = tensor.extract_slice %kpm_r[0, 0] [%n, %S] [1, 1]
        : tensor<?x?xi1> to tensor<?x?xi1>
    %cross_mask = tensor.expand_shape %kpm_a [[0, 1, 2], [3]]
        output_shape [%n, 1, 1, %S] : tensor<?x?xi1> into tensor<?x1x1x?xi1>
    %logits, %k0_s, %v0_s, %k1_s, %v1_s = func.call @decode_step(
        %y_a, %step, %pe, %tgt_emb_weight, %k0_a, %v0_a, %k1_a, %v1_a,
        %kc0_a, %vc0_a, %kc1_a, %vc1_a, %cross_mask,
        %decoder_layers_0_self_attn_in_proj_weight,
        %decoder_layers_0_self_attn_in_proj_bias,
        %decoder_layers_0_self_attn_out_proj_weight,
        %decoder_layers_0_self_attn_out_proj_bias,
        %decoder_layers_0_multihead_attn_in_proj_weight,
        %decoder_layers_0_multihead_attn_in_proj_bias,
        %decoder_layers_0_multihead_attn_out_proj_weight,
        %decoder_layers_0_multihead_attn_out_proj_bias,
        %decoder_layers_0_linear1_weight, %decoder_layers_0_linear1_bias,
        %decoder_layers_0_linear2_weight, %decoder_layers_0_linear2_bias,
        %decoder_layers_0_norm1_weight, %decoder_layers_0_norm1_bias,
        %decoder_layers_0_norm2_weight, %decoder_layers_0_norm2_bias,
        %decoder_layers_0_norm3_weight, %decoder_layers_0_norm3_bias,
        %decoder_layers_1_self_attn_in_proj_weight,
        %decoder_layers_1_self_attn_in_proj_bias,
        %decoder_layers_1_self_attn_out_proj_weight,
        %decoder_layers_1_self_attn_out_proj_bias,
        %decoder_layers_1_multihead_attn_in_proj_weight,
        %decoder_layers_1_multihead_attn_in_proj_bias,
        %decoder_layers_1_multihead_attn_out_proj_weight,
        %decoder_layers_1_multihead_attn_out_proj_bias,
        %decoder_layers_1_linear1_weight, %decoder_layers_1_linear1_bias,
        %decoder_layers_1_linear2_weight, %decoder_layers_1_linear2_bias,
        %decoder_layers_1_norm1_weight, %decoder_layers_1_norm1_bias,
        %decoder_layers_1_norm2_weight, %decoder_layers_1_norm2_bias,
        %decoder_layers_1_norm3_weight, %decoder_layers_1_norm3_bias,
        %decoder_norm_weight, %decoder_norm_bias,
        %out_weight, %out_bias)
        : (tensor<?xi64>, index, tensor<32x32xf32>, tensor<16x32xf32>,
           tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
           tensor<?x4x10x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
           tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x1x1x?xi1>,
           tensor<96x32xf32>, tensor<96xf32>, tensor<32x32xf32>,
           tensor<32xf32>, tensor<96x32xf32>, tensor<96xf32>,
           tensor<32x32xf32>, tensor<32xf32>, tensor<64x32xf32>,
           tensor<64xf32>, tensor<32x64xf32>, tensor<32xf32>, tensor<32xf32>,
           tensor<32xf32>, tensor<32xf32>, tensor<32xf32>, tensor<32xf32>,
           tensor<32xf32>, tensor<96x32xf32>, tensor<96xf32>,
           tensor<32x32xf32>, tensor<32xf32>, tensor<96x32xf32>,
           tensor<96xf32>, tensor<32x32xf32>, tensor<32xf32>,
           tensor<64x32xf32>, tensor<64xf32>, tensor<32x64xf32>,
           tensor<32xf32>, tensor<32xf32>, tensor<32xf32>, tensor<32xf32>,
           tensor<32xf32>, tensor<32xf32>, tensor<32xf32>, tensor<32xf32>,
           tensor<32xf32>, tensor<16x32xf32>, tensor<16xf32>)
        -> (tensor<?x16xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
            tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>)
    %k0_w = tensor.insert_slice %k0_s into %k0[0, 0, 0, 0] [%n, 4, 10, 8]
        [1, 1, 1, 1] : tensor<?x4x10x8xf32> into tensor<?x4x10x8xf32>
    %v0_w = tensor.insert_slice %v0_s into %v0[0, 0, 0, 0] [%n, 4, 10, 8]
        [1, 1, 1, 1] : tensor<?x4x10x8xf32> into tensor<?x4x10x8xf32>
    %k1_w = tensor.insert_slice %k1_s into %k1[0, 0, 0, 0] [%n, 4, 10, 8]
        [1, 1, 1, 1] : tensor<?x4x10x8xf32> into tensor<?x4x10x8xf32>
    %v1_w = tensor.insert_slice %v1_s into %v1[0, 0, 0, 0] [%n, 4, 10, 8]
        [1, 1, 1, 1] : tensor<?x4x10x8xf32> into tensor<?x4x10x8xf32>
    %best = s2s.argmax %logits dim(1) : (tensor<?x16xf32>) -> tensor<?xi64>

    // Each active row's token goes to its sentence's column; the rows that
    // did not emit EOS move up, in order, over those that did.
    %c:13 = scf.for %i = %c0 to %n step %c1
        iter_args(%kept = %c0, %t = %tokens, %r = %rows, %yy = %y,
                  %a0 = %k0_w, %b0 = %v0_w, %a1 = %k1_w, %b1 = %v1_w,
                  %ca0 = %kc0_r, %cb0 = %vc0_r, %ca1 = %kc1_r, %cb1 = %vc1_r,
                  %m = %kpm_r)
        -> (index, tensor<?x?xi64>, tensor<?xi64>, tensor<?xi64>,
           tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
           tensor<?x4x10x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
           tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x?xi1>) {
      %tok = tensor.extract %best[%i] : tensor<?xi64>
      %row = tensor.extract %r[%i] : tensor<?xi64>
      %col = arith.index_cast %row : i64 to index
      %t_next = tensor.insert %tok into %t[%step, %col] : tensor<?x?xi64>
      %is_eos = arith.cmpi eq, %tok, %eos : i64
      %kept_state:12 = scf.if %is_eos -> (index, tensor<?xi64>, tensor<?xi64>, tensor<?x4x10x8xf32>,
             tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
             tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
             tensor<?x4x?x8xf32>, tensor<?x?xi1>) {
        scf.yield %kept, %r, %yy, %a0, %b0, %a1, %b1, %ca0, %cb0, %ca1, %cb1,
            %m : index, tensor<?xi64>, tensor<?xi64>, tensor<?x4x10x8xf32>,
             tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
             tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
             tensor<?x4x?x8xf32>, tensor<?x?xi1>
      } else {
        %r_next = tensor.insert %row into %r[%kept] : tensor<?xi64>
        %y_next = tensor.insert %tok into %yy[%kept] : tensor<?xi64>
        %moves = arith.cmpi ne, %kept, %i : index
        %moved:9 = scf.if %moves -> (tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
               tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
               tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
               tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
               tensor<?x?xi1>) {
          %a0_m = func.call @move_cache_row(%a0, %i, %kept)
              : (tensor<?x4x10x8xf32>, index, index) -> tensor<?x4x10x8xf32>
          %b0_m = func.call @move_cache_row(%b0, %i, %kept)
              : (tensor<?x4x10x8xf32>, index, index) -> tensor<?x4x10x8xf32>
          %a1_m = func.call @move_cache_row(%a1, %i, %kept)
              : (tensor<?x4x10x8xf32>, index, index) -> tensor<?x4x10x8xf32>
          %b1_m = func.call @move_cache_row(%b1, %i, %kept)
              : (tensor<?x4x10x8xf32>, index, index) -> tensor<?x4x10x8xf32>
          %ca0_m = func.call @move_cross_row(%ca0, %i, %kept)
              : (tensor<?x4x?x8xf32>, index, index) -> tensor<?x4x?x8xf32>
          %cb0_m = func.call @move_cross_row(%cb0, %i, %kept)
              : (tensor<?x4x?x8xf32>, index, index) -> tensor<?x4x?x8xf32>
          %ca1_m = func.call @move_cross_row(%ca1, %i, %kept)
              : (tensor<?x4x?x8xf32>, index, index) -> tensor<?x4x?x8xf32>
          %cb1_m = func.call @move_cross_row(%cb1, %i, %kept)
              : (tensor<?x4x?x8xf32>, index, index) -> tensor<?x4x?x8xf32>
          %m_m = func.call @move_mask_row(%m, %i, %kept)
              : (tensor<?x?xi1>, index, index) -> tensor<?x?xi1>
          scf.yield %a0_m, %b0_m, %a1_m, %b1_m, %ca0_m, %cb0_m, %ca1_m,
              %cb1_m, %m_m : tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
               tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
               tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
               tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
               tensor<?x?xi1>
        } else {
          scf.yield %a0, %b0, %a1, %b1, %ca0, %cb0, %ca1, %cb1, %m
              : tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
               tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
               tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
               tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
               tensor<?x?xi1>
        }
        %kept_next = arith.addi %kept, %c1 : index
        scf.yield %kept_next, %r_next, %y_next, %moved#0, %moved#1, %moved#2,
            %moved#3, %moved#4, %moved#5, %moved#6, %moved#7, %moved#8
            : index, tensor<?xi64>, tensor<?xi64>, tensor<?x4x10x8xf32>,
             tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
             tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
             tensor<?x4x?x8xf32>, tensor<?x?xi1>
      }
      scf.yield %kept_state#0, %t_next, %kept_state#1, %kept_state#2,
          %kept_state#3, %kept_state#4, %kept_state#5, %kept_state#6,
          %kept_state#7, %kept_state#8, %kept_state#9, %kept_state#10,
          %kept_state#11 : index, tensor<?x?xi64>, tensor<?xi64>, tensor<?xi64>,
           tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
           tensor<?x4x10x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
           tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x?xi1>
    }
    %step_next = arith.addi %step, %c1 : index
    scf.yield %step_next, %c#0, %c#2, %c#3, %c#1, %c#4, %c#5, %c#6, %c#7,
        %c#8, %c#9, %c#10, %c#11, %c#12 : index, index, tensor<?xi64>, tensor<?xi64>, tensor<?x?xi64>,
         tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
         tensor<?x4x10x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
         tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x?xi1>
  }

  // Sized from the arguments, so that the result sizes (which the caller
  // asks for before the call) do not depend on the loop.
  %result = tensor.extract_slice %loop#4[0, 0] [10, %B] [1, 1]
      : tensor<?x?xi64> to tensor<10x?xi64>
  %steps_i64 = arith.index_cast %loop#0 : index to i64
  %steps = tensor.from_elements %steps_i64 : tensor<i64>
  return %result, %steps : tensor<10x?xi64>, tensor<i64>
}

//===----------------------------------------------------------------------===//
// Beam search
//===----------------------------------------------------------------------===//

// The K beams of sentence `sent`, at position `from` of the sentences a beam
// search loop carries (their token histories [capacity, N*K] and scores
// [N, K]), written into the results (histories [capacity, B*K], scores
// [B, K]).
func.func private @write_beams(%results: tensor<?x?xi64>,
                               %result_scores: tensor<?x4xf32>,
                               %history: tensor<?x?xi64>,
                               %scores: tensor<?x4xf32>, %from: index,
                               %sent: index)
    -> (tensor<?x?xi64>, tensor<?x4xf32>) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %capacity = tensor.dim %history, %c0 : tensor<?x?xi64>
  %from_col = arith.muli %from, %c4 : index
  %to_col = arith.muli %sent, %c4 : index
  %beams = tensor.extract_slice %history[0, %from_col] [%capacity, 4] [1, 1]
      : tensor<?x?xi64> to tensor<?x4xi64>
  %results_next = tensor.insert_slice %beams into
      %results[0, %to_col] [%capacity, 4] [1, 1]
      : tensor<?x4xi64> into tensor<?x?xi64>
  %row = tensor.extract_slice %scores[%from, 0] [1, 4] [1, 1]
      : tensor<?x4xf32> to tensor<1x4xf32>
  %scores_next = tensor.insert_slice %row into
      %result_scores[%sent, 0] [1, 4] [1, 1]
      : tensor<1x4xf32> into tensor<?x4xf32>
  return %results_next, %scores_next : tensor<?x?xi64>, tensor<?x4xf32>
}

// After a beam search step over the N sentences `sents` (finished flags
// [N*K], histories [capacity, N*K], scores [N, K]): the sentences whose K
// beams have all finished go to the results (@write_beams). Returns how
// many sentences are kept, their positions among the N (in order), the
// rows of their beams (position * K + j), and the results.
func.func private @finished_sentences(%done: tensor<?xi1>,
                                      %sents: tensor<?xi64>,
                                      %history: tensor<?x?xi64>,
                                      %scores: tensor<?x4xf32>,
                                      %results: tensor<?x?xi64>,
                                      %result_scores: tensor<?x4xf32>)
    -> (index, tensor<?xi64>, tensor<?xi64>, tensor<?x?xi64>,
        tensor<?x4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %k = arith.constant 4 : i64
  %true = arith.constant true
  %n = tensor.dim %sents, %c0 : tensor<?xi64>
  %done2 = tensor.expand_shape %done [[0, 1]] output_shape [%n, 4]
      : tensor<?xi1> into tensor<?x4xi1>
  %all_init = tensor.empty(%n) : tensor<?xi1>
  %all_fill = linalg.fill ins(%true : i1) outs(%all_init : tensor<?xi1>)
      -> tensor<?xi1>
  %finished = linalg.reduce ins(%done2 : tensor<?x4xi1>)
      outs(%all_fill : tensor<?xi1>) dimensions = [1]
    (%flag: i1, %acc: i1) {
      %both = arith.andi %flag, %acc : i1
      linalg.yield %both : i1
    }
  %keep_init = tensor.empty(%n) : tensor<?xi64>
  %scan:4 = scf.for %i = %c0 to %n step %c1
      iter_args(%kept = %c0, %res = %results, %res_scores = %result_scores,
                %keep = %keep_init)
      -> (index, tensor<?x?xi64>, tensor<?x4xf32>, tensor<?xi64>) {
    %is_finished = tensor.extract %finished[%i] : tensor<?xi1>
    %out:4 = scf.if %is_finished
        -> (index, tensor<?x?xi64>, tensor<?x4xf32>, tensor<?xi64>) {
      %sent = tensor.extract %sents[%i] : tensor<?xi64>
      %sent_idx = arith.index_cast %sent : i64 to index
      %res_next, %res_scores_next = func.call @write_beams(%res,
          %res_scores, %history, %scores, %i, %sent_idx)
          : (tensor<?x?xi64>, tensor<?x4xf32>, tensor<?x?xi64>,
             tensor<?x4xf32>, index, index)
          -> (tensor<?x?xi64>, tensor<?x4xf32>)
      scf.yield %kept, %res_next, %res_scores_next, %keep
          : index, tensor<?x?xi64>, tensor<?x4xf32>, tensor<?xi64>
    } else {
      %i_i64 = arith.index_cast %i : index to i64
      %keep_next = tensor.insert %i_i64 into %keep[%kept] : tensor<?xi64>
      %count = arith.addi %kept, %c1 : index
      scf.yield %count, %res, %res_scores, %keep_next
          : index, tensor<?x?xi64>, tensor<?x4xf32>, tensor<?xi64>
    }
    scf.yield %out#0, %out#1, %out#2, %out#3
        : index, tensor<?x?xi64>, tensor<?x4xf32>, tensor<?xi64>
  }
  %keep = tensor.extract_slice %scan#3[0] [%scan#0] [1]
      : tensor<?xi64> to tensor<?xi64>
  %rows_init = tensor.empty(%scan#0) : tensor<?x4xi64>
  %rows2 = linalg.generic {
      indexing_maps = [affine_map<(b, j) -> (b)>,
                       affine_map<(b, j) -> (b, j)>],
      iterator_types = ["parallel", "parallel"]}
      ins(%keep : tensor<?xi64>) outs(%rows_init : tensor<?x4xi64>) {
  ^bb0(%b: i64, %out: i64):
    %j = linalg.index 1 : index
    %j64 = arith.index_cast %j : index to i64
    %base = arith.muli %b, %k : i64
    %row = arith.addi %base, %j64 : i64
    linalg.yield %row : i64
  } -> tensor<?x4xi64>
  %rows = tensor.collapse_shape %rows2 [[0, 1]]
      : tensor<?x4xi64> into tensor<?xi64>
  return %scan#0, %keep, %rows, %scan#1, %scan#2
      : index, tensor<?xi64>, tensor<?xi64>, tensor<?x?xi64>, tensor<?x4xf32>
}

// Beam search of width K = 4, the beams of the i-th of the N sentences still
// decoding as rows i*K + j of a batch of N*K rows, as @beam_search in examples/dates/dates.mlir: each
// step scores every continuation of every beam (log_softmax; a finished
// beam continues with PAD at no cost), keeps the K best of each sentence
// (s2s.top_k) and reorders the KV caches, finished flags and token
// histories by the beam each came from (s2s.index_select). The memory's
// cross-attention keys and values are the same for the K beams of a
// sentence: repeated once, never reordered. A sentence whose K beams have
// all finished leaves the loop (@finished_sentences), so that it costs no
// further work. Returns the best hypothesis of each sentence [10, B], every
// beam [10, B, K], the scores [B, K] and the steps run.
func.func @beam_search(%src: tensor<?x?xi64>, %src_lens: tensor<?xi64>,
                       %max_len_t: tensor<i64>, %pe: tensor<32x32xf32>,
                       %src_emb_weight: tensor<20x32xf32>,
                       %tgt_emb_weight: tensor<16x32xf32>,
                       %encoder_layers_0_self_attn_in_proj_weight: tensor<96x32xf32>,
                       %encoder_layers_0_self_attn_in_proj_bias: tensor<96xf32>,
                       %encoder_layers_0_self_attn_out_proj_weight: tensor<32x32xf32>,
                       %encoder_layers_0_self_attn_out_proj_bias: tensor<32xf32>,
                       %encoder_layers_0_linear1_weight: tensor<64x32xf32>,
                       %encoder_layers_0_linear1_bias: tensor<64xf32>,
                       %encoder_layers_0_linear2_weight: tensor<32x64xf32>,
                       %encoder_layers_0_linear2_bias: tensor<32xf32>,
                       %encoder_layers_0_norm1_weight: tensor<32xf32>,
                       %encoder_layers_0_norm1_bias: tensor<32xf32>,
                       %encoder_layers_0_norm2_weight: tensor<32xf32>,
                       %encoder_layers_0_norm2_bias: tensor<32xf32>,
                       %encoder_layers_1_self_attn_in_proj_weight: tensor<96x32xf32>,
                       %encoder_layers_1_self_attn_in_proj_bias: tensor<96xf32>,
                       %encoder_layers_1_self_attn_out_proj_weight: tensor<32x32xf32>,
                       %encoder_layers_1_self_attn_out_proj_bias: tensor<32xf32>,
                       %encoder_layers_1_linear1_weight: tensor<64x32xf32>,
                       %encoder_layers_1_linear1_bias: tensor<64xf32>,
                       %encoder_layers_1_linear2_weight: tensor<32x64xf32>,
                       %encoder_layers_1_linear2_bias: tensor<32xf32>,
                       %encoder_layers_1_norm1_weight: tensor<32xf32>,
                       %encoder_layers_1_norm1_bias: tensor<32xf32>,
                       %encoder_layers_1_norm2_weight: tensor<32xf32>,
                       %encoder_layers_1_norm2_bias: tensor<32xf32>,
                       %encoder_norm_weight: tensor<32xf32>,
                       %encoder_norm_bias: tensor<32xf32>,
                       %decoder_layers_0_self_attn_in_proj_weight: tensor<96x32xf32>,
                       %decoder_layers_0_self_attn_in_proj_bias: tensor<96xf32>,
                       %decoder_layers_0_self_attn_out_proj_weight: tensor<32x32xf32>,
                       %decoder_layers_0_self_attn_out_proj_bias: tensor<32xf32>,
                       %decoder_layers_0_multihead_attn_in_proj_weight: tensor<96x32xf32>,
                       %decoder_layers_0_multihead_attn_in_proj_bias: tensor<96xf32>,
                       %decoder_layers_0_multihead_attn_out_proj_weight: tensor<32x32xf32>,
                       %decoder_layers_0_multihead_attn_out_proj_bias: tensor<32xf32>,
                       %decoder_layers_0_linear1_weight: tensor<64x32xf32>,
                       %decoder_layers_0_linear1_bias: tensor<64xf32>,
                       %decoder_layers_0_linear2_weight: tensor<32x64xf32>,
                       %decoder_layers_0_linear2_bias: tensor<32xf32>,
                       %decoder_layers_0_norm1_weight: tensor<32xf32>,
                       %decoder_layers_0_norm1_bias: tensor<32xf32>,
                       %decoder_layers_0_norm2_weight: tensor<32xf32>,
                       %decoder_layers_0_norm2_bias: tensor<32xf32>,
                       %decoder_layers_0_norm3_weight: tensor<32xf32>,
                       %decoder_layers_0_norm3_bias: tensor<32xf32>,
                       %decoder_layers_1_self_attn_in_proj_weight: tensor<96x32xf32>,
                       %decoder_layers_1_self_attn_in_proj_bias: tensor<96xf32>,
                       %decoder_layers_1_self_attn_out_proj_weight: tensor<32x32xf32>,
                       %decoder_layers_1_self_attn_out_proj_bias: tensor<32xf32>,
                       %decoder_layers_1_multihead_attn_in_proj_weight: tensor<96x32xf32>,
                       %decoder_layers_1_multihead_attn_in_proj_bias: tensor<96xf32>,
                       %decoder_layers_1_multihead_attn_out_proj_weight: tensor<32x32xf32>,
                       %decoder_layers_1_multihead_attn_out_proj_bias: tensor<32xf32>,
                       %decoder_layers_1_linear1_weight: tensor<64x32xf32>,
                       %decoder_layers_1_linear1_bias: tensor<64xf32>,
                       %decoder_layers_1_linear2_weight: tensor<32x64xf32>,
                       %decoder_layers_1_linear2_bias: tensor<32xf32>,
                       %decoder_layers_1_norm1_weight: tensor<32xf32>,
                       %decoder_layers_1_norm1_bias: tensor<32xf32>,
                       %decoder_layers_1_norm2_weight: tensor<32xf32>,
                       %decoder_layers_1_norm2_bias: tensor<32xf32>,
                       %decoder_layers_1_norm3_weight: tensor<32xf32>,
                       %decoder_layers_1_norm3_bias: tensor<32xf32>,
                       %decoder_norm_weight: tensor<32xf32>,
                       %decoder_norm_bias: tensor<32xf32>,
                       %out_weight: tensor<16x32xf32>,
                       %out_bias: tensor<16xf32>)
    -> (tensor<10x?xi64>, tensor<10x?x4xi64>, tensor<?x4xf32>, tensor<i64>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c10 = arith.constant 10 : index
  %k = arith.constant 4 : i64
  %vocab = arith.constant 16 : i64
  %pad = arith.constant 0 : i64
  %bos = arith.constant 1 : i64
  %eos = arith.constant 2 : i64
  %false = arith.constant false
  %zero = arith.constant 0.0 : f32
  %neg_inf = arith.constant 0xFF800000 : f32
  %alpha = arith.constant 1.0 : f32
  %zero_i64 = arith.constant 0 : i64
  %capacity = arith.constant 10 : i64
  %B = tensor.dim %src, %c0 : tensor<?x?xi64>
  %S = tensor.dim %src, %c1 : tensor<?x?xi64>
  %R = arith.muli %B, %c4 : index
  %max_len_i64 = tensor.extract %max_len_t[] : tensor<i64>
  %max_len_nonneg = arith.maxsi %max_len_i64, %zero_i64 : i64
  %max_len_clamped = arith.minsi %max_len_nonneg, %capacity : i64
  %max_len = arith.index_cast %max_len_clamped : i64 to index

  %memory, %kpm = func.call @encode(%src, %src_lens, %pe, %src_emb_weight,
      %encoder_layers_0_self_attn_in_proj_weight,
      %encoder_layers_0_self_attn_in_proj_bias,
      %encoder_layers_0_self_attn_out_proj_weight,
      %encoder_layers_0_self_attn_out_proj_bias,
      %encoder_layers_0_linear1_weight, %encoder_layers_0_linear1_bias,
      %encoder_layers_0_linear2_weight, %encoder_layers_0_linear2_bias,
      %encoder_layers_0_norm1_weight, %encoder_layers_0_norm1_bias,
      %encoder_layers_0_norm2_weight, %encoder_layers_0_norm2_bias,
      %encoder_layers_1_self_attn_in_proj_weight,
      %encoder_layers_1_self_attn_in_proj_bias,
      %encoder_layers_1_self_attn_out_proj_weight,
      %encoder_layers_1_self_attn_out_proj_bias,
      %encoder_layers_1_linear1_weight, %encoder_layers_1_linear1_bias,
      %encoder_layers_1_linear2_weight, %encoder_layers_1_linear2_bias,
      %encoder_layers_1_norm1_weight, %encoder_layers_1_norm1_bias,
      %encoder_layers_1_norm2_weight, %encoder_layers_1_norm2_bias,
      %encoder_norm_weight, %encoder_norm_bias)
      : (tensor<?x?xi64>, tensor<?xi64>, tensor<32x32xf32>, tensor<20x32xf32>,
         tensor<96x32xf32>, tensor<96xf32>, tensor<32x32xf32>, tensor<32xf32>,
         tensor<64x32xf32>, tensor<64xf32>, tensor<32x64xf32>, tensor<32xf32>,
         tensor<32xf32>, tensor<32xf32>, tensor<32xf32>, tensor<32xf32>,
         tensor<96x32xf32>, tensor<96xf32>, tensor<32x32xf32>, tensor<32xf32>,
         tensor<64x32xf32>, tensor<64xf32>, tensor<32x64xf32>, tensor<32xf32>,
         tensor<32xf32>, tensor<32xf32>, tensor<32xf32>, tensor<32xf32>,
         tensor<32xf32>, tensor<32xf32>)
      -> (tensor<?x?x32xf32>, tensor<?x?xi1>)
  %kc0_sent, %vc0_sent = func.call @cross_kv(%memory, %decoder_layers_0_multihead_attn_in_proj_weight,
      %decoder_layers_0_multihead_attn_in_proj_bias)
      : (tensor<?x?x32xf32>, tensor<96x32xf32>, tensor<96xf32>)
      -> (tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>)
  %kc1_sent, %vc1_sent = func.call @cross_kv(%memory, %decoder_layers_1_multihead_attn_in_proj_weight,
      %decoder_layers_1_multihead_attn_in_proj_bias)
      : (tensor<?x?x32xf32>, tensor<96x32xf32>, tensor<96xf32>)
      -> (tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>)

  // Row r of the beams belongs to sentence r / K.
  %sentence_init = tensor.empty(%R) : tensor<?xi64>
  %sentence = linalg.generic {
      indexing_maps = [affine_map<(r) -> (r)>], iterator_types = ["parallel"]}
      outs(%sentence_init : tensor<?xi64>) {
  ^bb0(%out: i64):
    %r = linalg.index 0 : index
    %r64 = arith.index_cast %r : index to i64
    %b = arith.divui %r64, %k : i64
    linalg.yield %b : i64
  } -> tensor<?xi64>
  %kc0 = s2s.index_select %kc0_sent, %sentence dim(0)
      : (tensor<?x4x?x8xf32>, tensor<?xi64>) -> tensor<?x4x?x8xf32>
  %vc0 = s2s.index_select %vc0_sent, %sentence dim(0)
      : (tensor<?x4x?x8xf32>, tensor<?xi64>) -> tensor<?x4x?x8xf32>
  %kc1 = s2s.index_select %kc1_sent, %sentence dim(0)
      : (tensor<?x4x?x8xf32>, tensor<?xi64>) -> tensor<?x4x?x8xf32>
  %vc1 = s2s.index_select %vc1_sent, %sentence dim(0)
      : (tensor<?x4x?x8xf32>, tensor<?xi64>) -> tensor<?x4x?x8xf32>
  %kpm_rows = s2s.index_select %kpm, %sentence dim(0)
      : (tensor<?x?xi1>, tensor<?xi64>) -> tensor<?x?xi1>
  %sents_init = tensor.empty(%B) : tensor<?xi64>
  %sents0 = linalg.generic {
      indexing_maps = [affine_map<(b) -> (b)>], iterator_types = ["parallel"]}
      outs(%sents_init : tensor<?xi64>) {
  ^bb0(%out: i64):
    %b = linalg.index 0 : index
    %b64 = arith.index_cast %b : index to i64
    linalg.yield %b64 : i64
  } -> tensor<?xi64>

  // Beam 0 of each sentence starts at score 0, the others at -inf.
  %scores_init = tensor.empty(%B) : tensor<?x4xf32>
  %scores0 = linalg.generic {
      indexing_maps = [affine_map<(b, j) -> (b, j)>],
      iterator_types = ["parallel", "parallel"]}
      outs(%scores_init : tensor<?x4xf32>) {
  ^bb0(%out: f32):
    %j = linalg.index 1 : index
    %first = arith.cmpi eq, %j, %c0 : index
    %s = arith.select %first, %zero, %neg_inf : f32
    linalg.yield %s : f32
  } -> tensor<?x4xf32>
  %k0_init = func.call @empty_cache(%R) : (index) -> tensor<?x4x10x8xf32>
  %v0_init = func.call @empty_cache(%R) : (index) -> tensor<?x4x10x8xf32>
  %k1_init = func.call @empty_cache(%R) : (index) -> tensor<?x4x10x8xf32>
  %v1_init = func.call @empty_cache(%R) : (index) -> tensor<?x4x10x8xf32>
  %y_empty = tensor.empty(%R) : tensor<?xi64>
  %y0 = linalg.fill ins(%bos : i64) outs(%y_empty : tensor<?xi64>)
      -> tensor<?xi64>
  %done_empty = tensor.empty(%R) : tensor<?xi1>
  %done0 = linalg.fill ins(%false : i1) outs(%done_empty : tensor<?xi1>)
      -> tensor<?xi1>
  %history_empty = tensor.empty(%c10, %R) : tensor<?x?xi64>
  %history0 = linalg.fill ins(%pad : i64)
      outs(%history_empty : tensor<?x?xi64>) -> tensor<?x?xi64>

  // The loop carries the N sentences whose beams are not all finished:
  // `sents` says which sentence each is, and the tokens fed back, finished
  // flags, scores, histories, KV caches, cross-attention keys, values and
  // masks are those of their N*K beams. When every beam of a sentence has
  // finished, its histories and scores go to the results and it leaves the
  // loop (the caches are selected by beam at every step anyway; the
  // cross-attention inputs only when a sentence leaves), so that it costs
  // no further work: its beams would only have continued with PAD at no
  // cost, in the same order.
  %loop:17 = scf.while (%step = %c0, %sents = %sents0, %y = %y0,
                         %done = %done0, %scores = %scores0,
                         %history = %history0, %k0 = %k0_init,
                         %v0 = %v0_init, %k1 = %k1_init, %v1 = %v1_init,
                         %kc0_r = %kc0, %vc0_r = %vc0, %kc1_r = %kc1,
                         %vc1_r = %vc1, %kpm_r = %kpm_rows,
                         %results = %history0, %result_scores = %scores0)
      : (index, tensor<?xi64>, tensor<?xi64>, tensor<?xi1>, tensor<?x4xf32>,
         tensor<?x?xi64>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
         tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>, tensor<?x4x?x8xf32>,
         tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
         tensor<?x?xi1>, tensor<?x?xi64>, tensor<?x4xf32>)
     -> (index, tensor<?xi64>, tensor<?xi64>, tensor<?xi1>, tensor<?x4xf32>,
         tensor<?x?xi64>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
         tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>, tensor<?x4x?x8xf32>,
         tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
         tensor<?x?xi1>, tensor<?x?xi64>, tensor<?x4xf32>) {
    %n = tensor.dim %sents, %c0 : tensor<?xi64>
    %in_budget = arith.cmpi slt, %step, %max_len : index
    %some_left = arith.cmpi sgt, %n, %c0 : index
    %go = arith.andi %in_budget, %some_left : i1
    scf.condition(%go) %step, %sents, %y, %done, %scores, %history, %k0,
        %v0, %k1, %v1, %kc0_r, %vc0_r, %kc1_r, %vc1_r, %kpm_r, %results,
        %result_scores
        : index, tensor<?xi64>, tensor<?xi64>, tensor<?xi1>, tensor<?x4xf32>,
          tensor<?x?xi64>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
          tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>, tensor<?x4x?x8xf32>,
          tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
          tensor<?x?xi1>, tensor<?x?xi64>, tensor<?x4xf32>
  } do {
  ^bb0(%step: index, %sents: tensor<?xi64>, %y: tensor<?xi64>,
       %done: tensor<?xi1>, %scores: tensor<?x4xf32>,
       %history: tensor<?x?xi64>, %k0: tensor<?x4x10x8xf32>,
       %v0: tensor<?x4x10x8xf32>, %k1: tensor<?x4x10x8xf32>,
       %v1: tensor<?x4x10x8xf32>, %kc0_r: tensor<?x4x?x8xf32>,
       %vc0_r: tensor<?x4x?x8xf32>, %kc1_r: tensor<?x4x?x8xf32>,
       %vc1_r: tensor<?x4x?x8xf32>, %kpm_r: tensor<?x?xi1>,
       %results: tensor<?x?xi64>, %result_scores: tensor<?x4xf32>):
    %n = tensor.dim %sents, %c0 : tensor<?xi64>
    %nk = arith.muli %n, %c4 : index
    %cross_mask = tensor.expand_shape %kpm_r [[0, 1, 2], [3]]
        output_shape [%nk, 1, 1, %S] : tensor<?x?xi1> into tensor<?x1x1x?xi1>
    %logits, %k0_step, %v0_step, %k1_step, %v1_step = func.call @decode_step(
        %y, %step, %pe, %tgt_emb_weight, %k0, %v0, %k1, %v1,
        %kc0_r, %vc0_r, %kc1_r, %vc1_r, %cross_mask,
        %decoder_layers_0_self_attn_in_proj_weight,
        %decoder_layers_0_self_attn_in_proj_bias,
        %decoder_layers_0_self_attn_out_proj_weight,
        %decoder_layers_0_self_attn_out_proj_bias,
        %decoder_layers_0_multihead_attn_in_proj_weight,
        %decoder_layers_0_multihead_attn_in_proj_bias,
        %decoder_layers_0_multihead_attn_out_proj_weight,
        %decoder_layers_0_multihead_attn_out_proj_bias,
        %decoder_layers_0_linear1_weight, %decoder_layers_0_linear1_bias,
        %decoder_layers_0_linear2_weight, %decoder_layers_0_linear2_bias,
        %decoder_layers_0_norm1_weight, %decoder_layers_0_norm1_bias,
        %decoder_layers_0_norm2_weight, %decoder_layers_0_norm2_bias,
        %decoder_layers_0_norm3_weight, %decoder_layers_0_norm3_bias,
        %decoder_layers_1_self_attn_in_proj_weight,
        %decoder_layers_1_self_attn_in_proj_bias,
        %decoder_layers_1_self_attn_out_proj_weight,
        %decoder_layers_1_self_attn_out_proj_bias,
        %decoder_layers_1_multihead_attn_in_proj_weight,
        %decoder_layers_1_multihead_attn_in_proj_bias,
        %decoder_layers_1_multihead_attn_out_proj_weight,
        %decoder_layers_1_multihead_attn_out_proj_bias,
        %decoder_layers_1_linear1_weight, %decoder_layers_1_linear1_bias,
        %decoder_layers_1_linear2_weight, %decoder_layers_1_linear2_bias,
        %decoder_layers_1_norm1_weight, %decoder_layers_1_norm1_bias,
        %decoder_layers_1_norm2_weight, %decoder_layers_1_norm2_bias,
        %decoder_layers_1_norm3_weight, %decoder_layers_1_norm3_bias,
        %decoder_norm_weight, %decoder_norm_bias,
        %out_weight, %out_bias)
        : (tensor<?xi64>, index, tensor<32x32xf32>, tensor<16x32xf32>,
           tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
           tensor<?x4x10x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
           tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x1x1x?xi1>,
           tensor<96x32xf32>, tensor<96xf32>, tensor<32x32xf32>,
           tensor<32xf32>, tensor<96x32xf32>, tensor<96xf32>,
           tensor<32x32xf32>, tensor<32xf32>, tensor<64x32xf32>,
           tensor<64xf32>, tensor<32x64xf32>, tensor<32xf32>, tensor<32xf32>,
           tensor<32xf32>, tensor<32xf32>, tensor<32xf32>, tensor<32xf32>,
           tensor<32xf32>, tensor<96x32xf32>, tensor<96xf32>,
           tensor<32x32xf32>, tensor<32xf32>, tensor<96x32xf32>,
           tensor<96xf32>, tensor<32x32xf32>, tensor<32xf32>,
           tensor<64x32xf32>, tensor<64xf32>, tensor<32x64xf32>,
           tensor<32xf32>, tensor<32xf32>, tensor<32xf32>, tensor<32xf32>,
           tensor<32xf32>, tensor<32xf32>, tensor<32xf32>, tensor<32xf32>,
           tensor<32xf32>, tensor<16x32xf32>, tensor<16xf32>)
        -> (tensor<?x16xf32>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
            tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>)
    %logp = s2s.log_softmax %logits dim(1)
        : (tensor<?x16xf32>) -> tensor<?x16xf32>

    // cand[b, j, t] = scores[b, j] + logp[b*K + j, t]; a finished beam has
    // log-probability 0 for PAD and -inf for every other token.
    %logp3 = tensor.expand_shape %logp [[0, 1], [2]]
        output_shape [%n, 4, 16] : tensor<?x16xf32> into tensor<?x4x16xf32>
    %done2 = tensor.expand_shape %done [[0, 1]] output_shape [%n, 4]
        : tensor<?xi1> into tensor<?x4xi1>
    %cand_init = tensor.empty(%n) : tensor<?x4x16xf32>
    %cand3 = linalg.generic {
        indexing_maps = [affine_map<(b, j, t) -> (b, j, t)>,
                         affine_map<(b, j, t) -> (b, j)>,
                         affine_map<(b, j, t) -> (b, j)>,
                         affine_map<(b, j, t) -> (b, j, t)>],
        iterator_types = ["parallel", "parallel", "parallel"]}
        ins(%logp3, %scores, %done2
            : tensor<?x4x16xf32>, tensor<?x4xf32>, tensor<?x4xi1>)
        outs(%cand_init : tensor<?x4x16xf32>) {
    ^bb0(%lp: f32, %score: f32, %finished: i1, %out: f32):
      %t = linalg.index 2 : index
      %is_pad = arith.cmpi eq, %t, %c0 : index
      %pad_lp = arith.select %is_pad, %zero, %neg_inf : f32
      %token_lp = arith.select %finished, %pad_lp, %lp : f32
      %c = arith.addf %score, %token_lp : f32
      linalg.yield %c : f32
    } -> tensor<?x4x16xf32>
    %cand = tensor.collapse_shape %cand3 [[0], [1, 2]]
        : tensor<?x4x16xf32> into tensor<?x64xf32>
    %best, %flat = s2s.top_k %cand k(4) dim(1)
        : (tensor<?x64xf32>) -> (tensor<?x4xf32>, tensor<?x4xi64>)

    // The beam each new hypothesis extends (as a row) and its token.
    %rows_init = tensor.empty(%n) : tensor<?x4xi64>
    %tok_init = tensor.empty(%n) : tensor<?x4xi64>
    %split:2 = linalg.generic {
        indexing_maps = [affine_map<(b, j) -> (b, j)>,
                         affine_map<(b, j) -> (b, j)>,
                         affine_map<(b, j) -> (b, j)>],
        iterator_types = ["parallel", "parallel"]}
        ins(%flat : tensor<?x4xi64>)
        outs(%rows_init, %tok_init : tensor<?x4xi64>, tensor<?x4xi64>) {
    ^bb0(%f: i64, %o0: i64, %o1: i64):
      %b = linalg.index 0 : index
      %b64 = arith.index_cast %b : index to i64
      %origin = arith.divui %f, %vocab : i64
      %token = arith.remui %f, %vocab : i64
      %base = arith.muli %b64, %k : i64
      %row = arith.addi %base, %origin : i64
      linalg.yield %row, %token : i64, i64
    } -> (tensor<?x4xi64>, tensor<?x4xi64>)
    %rows = tensor.collapse_shape %split#0 [[0, 1]]
        : tensor<?x4xi64> into tensor<?xi64>
    %tokens = tensor.collapse_shape %split#1 [[0, 1]]
        : tensor<?x4xi64> into tensor<?xi64>

    %done_beams = s2s.index_select %done, %rows dim(0)
        : (tensor<?xi1>, tensor<?xi64>) -> tensor<?xi1>
    %history_beams = s2s.index_select %history, %rows dim(1)
        : (tensor<?x?xi64>, tensor<?xi64>) -> tensor<?x?xi64>
    %done_init = tensor.empty(%nk) : tensor<?xi1>
    %done_next = linalg.generic {
        indexing_maps = [affine_map<(r) -> (r)>, affine_map<(r) -> (r)>,
                         affine_map<(r) -> (r)>],
        iterator_types = ["parallel"]}
        ins(%done_beams, %tokens : tensor<?xi1>, tensor<?xi64>)
        outs(%done_init : tensor<?xi1>) {
    ^bb0(%was_done: i1, %token: i64, %out: i1):
      %is_eos = arith.cmpi eq, %token, %eos : i64
      %now_done = arith.ori %was_done, %is_eos : i1
      linalg.yield %now_done : i1
    } -> tensor<?xi1>
    %history_next = tensor.insert_slice %tokens into
        %history_beams[%step, 0] [1, %nk] [1, 1]
        : tensor<?xi64> into tensor<?x?xi64>

    // A sentence whose beams have all finished goes to the results; `keep`
    // lists, in order, the others, and `keep_rows` their beams.
    %kept_n, %keep, %keep_rows, %res_next, %res_scores_next =
        func.call @finished_sentences(%done_next, %sents, %history_next,
                                      %best, %results, %result_scores)
        : (tensor<?xi1>, tensor<?xi64>, tensor<?x?xi64>, tensor<?x4xf32>,
           tensor<?x?xi64>, tensor<?x4xf32>)
        -> (index, tensor<?xi64>, tensor<?xi64>, tensor<?x?xi64>,
            tensor<?x4xf32>)

    // The caches follow their beams (the rows before this step's
    // reordering that the kept beams extend); the other states are
    // selected by kept beam.
    %from_rows = s2s.index_select %rows, %keep_rows dim(0)
        : (tensor<?xi64>, tensor<?xi64>) -> tensor<?xi64>
    %k0_next = s2s.index_select %k0_step, %from_rows dim(0)
        : (tensor<?x4x10x8xf32>, tensor<?xi64>) -> tensor<?x4x10x8xf32>
    %v0_next = s2s.index_select %v0_step, %from_rows dim(0)
        : (tensor<?x4x10x8xf32>, tensor<?xi64>) -> tensor<?x4x10x8xf32>
    %k1_next = s2s.index_select %k1_step, %from_rows dim(0)
        : (tensor<?x4x10x8xf32>, tensor<?xi64>) -> tensor<?x4x10x8xf32>
    %v1_next = s2s.index_select %v1_step, %from_rows dim(0)
        : (tensor<?x4x10x8xf32>, tensor<?xi64>) -> tensor<?x4x10x8xf32>
    %y_kept = s2s.index_select %tokens, %keep_rows dim(0)
        : (tensor<?xi64>, tensor<?xi64>) -> tensor<?xi64>
    %done_kept = s2s.index_select %done_next, %keep_rows dim(0)
        : (tensor<?xi1>, tensor<?xi64>) -> tensor<?xi1>
    %scores_kept = s2s.index_select %best, %keep dim(0)
        : (tensor<?x4xf32>, tensor<?xi64>) -> tensor<?x4xf32>
    %history_kept = s2s.index_select %history_next, %keep_rows dim(1)
        : (tensor<?x?xi64>, tensor<?xi64>) -> tensor<?x?xi64>
    %sents_kept = s2s.index_select %sents, %keep dim(0)
        : (tensor<?xi64>, tensor<?xi64>) -> tensor<?xi64>
    // The beams of a sentence share its cross-attention inputs, which
    // change only when a sentence leaves.
    %shrinks = arith.cmpi slt, %kept_n, %n : index
    %cross:5 = scf.if %shrinks -> (tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
        tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x?xi1>) {
      %kc0_k = s2s.index_select %kc0_r, %keep_rows dim(0)
          : (tensor<?x4x?x8xf32>, tensor<?xi64>) -> tensor<?x4x?x8xf32>
      %vc0_k = s2s.index_select %vc0_r, %keep_rows dim(0)
          : (tensor<?x4x?x8xf32>, tensor<?xi64>) -> tensor<?x4x?x8xf32>
      %kc1_k = s2s.index_select %kc1_r, %keep_rows dim(0)
          : (tensor<?x4x?x8xf32>, tensor<?xi64>) -> tensor<?x4x?x8xf32>
      %vc1_k = s2s.index_select %vc1_r, %keep_rows dim(0)
          : (tensor<?x4x?x8xf32>, tensor<?xi64>) -> tensor<?x4x?x8xf32>
      %kpm_k = s2s.index_select %kpm_r, %keep_rows dim(0)
          : (tensor<?x?xi1>, tensor<?xi64>) -> tensor<?x?xi1>
      scf.yield %kc0_k, %vc0_k, %kc1_k, %vc1_k, %kpm_k
          : tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
            tensor<?x4x?x8xf32>, tensor<?x?xi1>
    } else {
      scf.yield %kc0_r, %vc0_r, %kc1_r, %vc1_r, %kpm_r
          : tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
            tensor<?x4x?x8xf32>, tensor<?x?xi1>
    }
    %step_next = arith.addi %step, %c1 : index
    scf.yield %step_next, %sents_kept, %y_kept, %done_kept, %scores_kept,
        %history_kept, %k0_next, %v0_next, %k1_next, %v1_next, %cross#0,
        %cross#1, %cross#2, %cross#3, %cross#4, %res_next, %res_scores_next
        : index, tensor<?xi64>, tensor<?xi64>, tensor<?xi1>, tensor<?x4xf32>,
          tensor<?x?xi64>, tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>,
          tensor<?x4x10x8xf32>, tensor<?x4x10x8xf32>, tensor<?x4x?x8xf32>,
          tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>, tensor<?x4x?x8xf32>,
          tensor<?x?xi1>, tensor<?x?xi64>, tensor<?x4xf32>
  }

  // The sentences still decoding when the budget ran out go to the results
  // as they stand.
  %n_left = tensor.dim %loop#1, %c0 : tensor<?xi64>
  %flushed:2 = scf.for %i = %c0 to %n_left step %c1
      iter_args(%res = %loop#15, %res_scores = %loop#16)
      -> (tensor<?x?xi64>, tensor<?x4xf32>) {
    %sent = tensor.extract %loop#1[%i] : tensor<?xi64>
    %sent_idx = arith.index_cast %sent : i64 to index
    %res_next, %res_scores_next = func.call @write_beams(%res, %res_scores,
        %loop#5, %loop#4, %i, %sent_idx)
        : (tensor<?x?xi64>, tensor<?x4xf32>, tensor<?x?xi64>,
           tensor<?x4xf32>, index, index)
        -> (tensor<?x?xi64>, tensor<?x4xf32>)
    scf.yield %res_next, %res_scores_next
        : tensor<?x?xi64>, tensor<?x4xf32>
  }

  // Sized from the arguments, so that the result sizes (which the caller
  // asks for before the call) do not depend on the loop.
  %history = tensor.extract_slice %flushed#0[0, 0] [10, %R] [1, 1]
      : tensor<?x?xi64> to tensor<10x?xi64>
  %scores = tensor.extract_slice %flushed#1[0, 0] [%B, 4] [1, 1]
      : tensor<?x4xf32> to tensor<?x4xf32>

  // The length of each beam: the position of its first EOS plus one, or
  // max_len (rows past the steps run hold PAD, never EOS).
  %length_empty = tensor.empty(%R) : tensor<?xi64>
  %length_init = linalg.fill ins(%max_len_clamped : i64)
      outs(%length_empty : tensor<?xi64>) -> tensor<?xi64>
  %length = linalg.generic {
      indexing_maps = [affine_map<(t, r) -> (t, r)>,
                       affine_map<(t, r) -> (r)>],
      iterator_types = ["reduction", "parallel"]}
      ins(%history : tensor<10x?xi64>) outs(%length_init : tensor<?xi64>) {
  ^bb0(%token: i64, %acc: i64):
    %t = linalg.index 0 : index
    %t64 = arith.index_cast %t : index to i64
    %one = arith.constant 1 : i64
    %here = arith.addi %t64, %one : i64
    %is_eos = arith.cmpi eq, %token, %eos : i64
    %candidate = arith.select %is_eos, %here, %acc : i64
    %first = arith.minsi %candidate, %acc : i64
    linalg.yield %first : i64
  } -> tensor<?xi64>
  %length2 = tensor.expand_shape %length [[0, 1]] output_shape [%B, 4]
      : tensor<?xi64> into tensor<?x4xi64>
  %norm_init = tensor.empty(%B) : tensor<?x4xf32>
  %norm = linalg.generic {
      indexing_maps = [affine_map<(b, j) -> (b, j)>,
                       affine_map<(b, j) -> (b, j)>,
                       affine_map<(b, j) -> (b, j)>],
      iterator_types = ["parallel", "parallel"]}
      ins(%scores, %length2 : tensor<?x4xf32>, tensor<?x4xi64>)
      outs(%norm_init : tensor<?x4xf32>) {
  ^bb0(%score: f32, %len: i64, %out: f32):
    %len_f = arith.sitofp %len : i64 to f32
    %penalty = math.powf %len_f, %alpha : f32
    %n = arith.divf %score, %penalty : f32
    linalg.yield %n : f32
  } -> tensor<?x4xf32>
  %best_beam = s2s.argmax %norm dim(1) : (tensor<?x4xf32>) -> tensor<?xi64>
  %best_rows_init = tensor.empty(%B) : tensor<?xi64>
  %best_rows = linalg.generic {
      indexing_maps = [affine_map<(b) -> (b)>, affine_map<(b) -> (b)>],
      iterator_types = ["parallel"]}
      ins(%best_beam : tensor<?xi64>) outs(%best_rows_init : tensor<?xi64>) {
  ^bb0(%j: i64, %out: i64):
    %b = linalg.index 0 : index
    %b64 = arith.index_cast %b : index to i64
    %base = arith.muli %b64, %k : i64
    %row = arith.addi %base, %j : i64
    linalg.yield %row : i64
  } -> tensor<?xi64>
  %best_tokens = s2s.index_select %history, %best_rows dim(1)
      : (tensor<10x?xi64>, tensor<?xi64>) -> tensor<10x?xi64>
  %beams = tensor.expand_shape %history [[0], [1, 2]]
      output_shape [10, %B, 4] : tensor<10x?xi64> into tensor<10x?x4xi64>
  %steps_i64 = arith.index_cast %loop#0 : index to i64
  %steps = tensor.from_elements %steps_i64 : tensor<i64>
  return %best_tokens, %beams, %scores, %steps
      : tensor<10x?xi64>, tensor<10x?x4xi64>, tensor<?x4xf32>, tensor<i64>
}

"""Generation workloads of the benchmark suite: a Transformer encoder-decoder
(nn.Transformer layout) decoding greedily with a KV cache.

The model is examples/transformer_decoder/transformer.mlir at a realistic
size (d_model 512, 8 heads, 6 encoder and 6 decoder layers, feed-forward
2048, vocabularies of 8000), written for the benchmark: every sentence runs
the requested number of steps (no stop at EOS, so that each call produces
the same number of tokens), the source batch has no padding, and there is
only the greedy entry point. One library (batch, source length and the
number of steps given at run time) serves every row.

suite.py imports this module; only `make` uses torch.
"""

import math
from string import Template

D, NH, FF, LAYERS_ENC, LAYERS_DEC = 512, 8, 2048, 6, 6
DH = D // NH
VOCAB, SRC_LEN, CAPACITY, BOS = 8000, 32, 512, 1
BATCHES = (1, 8)
TOKENS = (128, 512)
MODEL_NAME = "gen_transformer"


def workload_name(batch, tokens):
    return "gen_transformer_b%d_t%d" % (batch, tokens)


def _types():
    t = lambda *s: _tensor(s)
    return dict(
        X=t("?", "?", D), XF=t("?", "?", FF), HX=t("?", NH, "?", DH),
        HX4=t("?", "?", NH, DH), C=t("?", NH, CAPACITY, DH),
        W3=t(3 * D, D), B3=t(3 * D), WD=t(D, D), VD=t(D),
        W1=t(FF, D), VF=t(FF), W2=t(D, FF), PE=t(CAPACITY, D),
        EMB=t(VOCAB, D), WO=t(VOCAB, D), VO=t(VOCAB),
        D=D, NH=NH, DH=DH, FF=FF, D2=2 * D, CAP=CAPACITY, V=VOCAB,
        SQRT_D="0x%08X" % _f32_bits(math.sqrt(D)), BOS=BOS)


def _f32_bits(x):
    import struct
    return struct.unpack("<I", struct.pack("<f", x))[0]


def encoder_layer_params():
    """State-dict suffixes of an nn.TransformerEncoderLayer, in order."""
    return ["self_attn_in_proj_weight", "self_attn_in_proj_bias",
            "self_attn_out_proj_weight", "self_attn_out_proj_bias",
            "linear1_weight", "linear1_bias", "linear2_weight",
            "linear2_bias", "norm1_weight", "norm1_bias", "norm2_weight",
            "norm2_bias"]


def decoder_layer_params():
    """State-dict suffixes of an nn.TransformerDecoderLayer, in order."""
    return ["self_attn_in_proj_weight", "self_attn_in_proj_bias",
            "self_attn_out_proj_weight", "self_attn_out_proj_bias",
            "multihead_attn_in_proj_weight", "multihead_attn_in_proj_bias",
            "multihead_attn_out_proj_weight", "multihead_attn_out_proj_bias",
            "linear1_weight", "linear1_bias", "linear2_weight",
            "linear2_bias", "norm1_weight", "norm1_bias", "norm2_weight",
            "norm2_bias", "norm3_weight", "norm3_bias"]


def _param_shape(suffix):
    """The shape of one layer's parameter."""
    if suffix.endswith("in_proj_weight"):
        return (3 * D, D)
    if suffix.endswith("in_proj_bias"):
        return (3 * D,)
    if suffix.endswith("out_proj_weight"):
        return (D, D)
    if suffix == "linear1_weight":
        return (FF, D)
    if suffix == "linear1_bias":
        return (FF,)
    if suffix == "linear2_weight":
        return (D, FF)
    return (D,)


def _tensor(shape):
    """An f32 tensor type; `?` for a dynamic size."""
    return "tensor<%sxf32>" % "x".join(map(str, shape))


def arguments():
    """[(name, type)] of the entry point, in order: the inputs, the
    embeddings, then each layer parameter of the encoder stacked over its
    layers ([layers, ...], in the order of an nn.TransformerEncoderLayer's
    state_dict), the encoder norm, the decoder's stacked parameters, the
    decoder norm and the output projection."""
    ty = _types()
    args = [("src", "tensor<?x?xi64>"), ("steps", "tensor<i64>"),
            ("pe", ty["PE"]), ("src_emb_weight", ty["EMB"]),
            ("tgt_emb_weight", ty["EMB"])]
    args += [("encoder_layers_" + s, _tensor((LAYERS_ENC,) + _param_shape(s)))
             for s in encoder_layer_params()]
    args += [("encoder_norm_weight", ty["VD"]),
             ("encoder_norm_bias", ty["VD"])]
    args += [("decoder_layers_" + s, _tensor((LAYERS_DEC,) + _param_shape(s)))
             for s in decoder_layer_params()]
    args += [("decoder_norm_weight", ty["VD"]),
             ("decoder_norm_bias", ty["VD"]),
             ("out_weight", ty["WO"]), ("out_bias", ty["VO"])]
    return args


def _layer_slices(prefix, params, layers, indent):
    """extract_slice of layer %l of each stacked parameter: (text, names)."""
    lines, names = [], []
    for s in params:
        shape = _param_shape(s)
        full = _tensor((layers,) + shape)
        name = "%%%s_l" % s
        zeros = ", ".join(["0"] * len(shape))
        lines.append(
            "%s%s = tensor.extract_slice %%%s%s[%%l, %s] [1, %s] [%s]\n"
            "%s    : %s to %s" % (
                indent, name, prefix, s, zeros,
                ", ".join(map(str, shape)), ", ".join(["1"] * (len(shape) + 1)),
                indent, full, _tensor(shape)))
        names.append(name)
    return "\n".join(lines), names


BLOCKS = Template("""\
// [N, T, $D] -> [N, $NH, T, $DH]: heads are consecutive slices of $DH features.
func.func private @split_heads(%x: $X) -> $HX {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = tensor.dim %x, %c0 : $X
  %t = tensor.dim %x, %c1 : $X
  %heads = tensor.expand_shape %x [[0], [1], [2, 3]]
      output_shape [%n, %t, $NH, $DH] : $X into $HX4
  %init = tensor.empty(%n, %t) : $HX
  %moved = linalg.transpose ins(%heads : $HX4) outs(%init : $HX)
      permutation = [0, 2, 1, 3]
  return %moved : $HX
}

// [N, $NH, T, $DH] -> [N, T, $D].
func.func private @merge_heads(%x: $HX) -> $X {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %n = tensor.dim %x, %c0 : $HX
  %t = tensor.dim %x, %c2 : $HX
  %init = tensor.empty(%n, %t) : $HX4
  %moved = linalg.transpose ins(%x : $HX) outs(%init : $HX4)
      permutation = [0, 2, 1, 3]
  %merged = tensor.collapse_shape %moved [[0], [1], [2, 3]] : $HX4 into $X
  return %merged : $X
}

// emb * sqrt($D) + pe[start + t] for embeddings [N, T, $D].
func.func private @position(%emb: $X, %pe: $PE, %start: index) -> $X {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %scale = arith.constant $SQRT_D : f32
  %n = tensor.dim %emb, %c0 : $X
  %t = tensor.dim %emb, %c1 : $X
  %rows = tensor.extract_slice %pe[%start, 0] [%t, $D] [1, 1]
      : $PE to tensor<?x${D}xf32>
  %init = tensor.empty(%n, %t) : $X
  %y = linalg.generic {
      indexing_maps = [affine_map<(n, t, f) -> (n, t, f)>,
                       affine_map<(n, t, f) -> (t, f)>,
                       affine_map<(n, t, f) -> (n, t, f)>],
      iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%emb, %rows : $X, tensor<?x${D}xf32>) outs(%init : $X) {
  ^bb0(%e: f32, %p: f32, %out: f32):
    %scaled = arith.mulf %e, %scale : f32
    %sum = arith.addf %scaled, %p : f32
    linalg.yield %sum : f32
  } -> $X
  return %y : $X
}

// LN(x + linear2(relu(linear1(x)))).
func.func private @feed_forward(%x: $X, %w1: $W1, %b1: $VF, %w2: $W2,
                                %b2: $VD, %norm_w: $VD, %norm_b: $VD) -> $X {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  %h = s2s.linear %x, %w1, %b1 : ($X, $W1, $VF) -> $XF
  %n = tensor.dim %x, %c0 : $X
  %t = tensor.dim %x, %c1 : $X
  %init = tensor.empty(%n, %t) : $XF
  %r = linalg.generic {
      indexing_maps = [affine_map<(n, t, f) -> (n, t, f)>,
                       affine_map<(n, t, f) -> (n, t, f)>],
      iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%h : $XF) outs(%init : $XF) {
  ^bb0(%v: f32, %out: f32):
    %m = arith.maximumf %v, %zero : f32
    linalg.yield %m : f32
  } -> $XF
  %f = s2s.linear %r, %w2, %b2 : ($XF, $W2, $VD) -> $X
  %sum = arith.addf %x, %f : $X
  %y = s2s.layer_norm %sum weight(%norm_w) bias(%norm_b)
      normalized_shape([$D]) eps(1.0e-05) : ($X, $VD, $VD) -> $X
  return %y : $X
}

// LN(x + out_proj(merged heads)).
func.func private @attention_out(%x: $X, %heads: $HX, %out_w: $WD,
                                 %out_b: $VD, %norm_w: $VD, %norm_b: $VD)
    -> $X {
  %merged = func.call @merge_heads(%heads) : ($HX) -> $X
  %o = s2s.linear %merged, %out_w, %out_b : ($X, $WD, $VD) -> $X
  %sum = arith.addf %x, %o : $X
  %y = s2s.layer_norm %sum weight(%norm_w) bias(%norm_b)
      normalized_shape([$D]) eps(1.0e-05) : ($X, $VD, $VD) -> $X
  return %y : $X
}

// Rows [first, first + $D) of a packed in_proj weight and bias, as heads.
func.func private @projection(%x: $X, %in_w: $W3, %in_b: $B3, %first: index)
    -> $HX {
  %w = tensor.extract_slice %in_w[%first, 0] [$D, $D] [1, 1] : $W3 to $WD
  %b = tensor.extract_slice %in_b[%first] [$D] [1] : $B3 to $VD
  %p = s2s.linear %x, %w, %b : ($X, $WD, $VD) -> $X
  %heads = func.call @split_heads(%p) : ($X) -> $HX
  return %heads : $HX
}

func.func private @encoder_layer(%x: $X, %in_w: $W3, %in_b: $B3,
    %out_w: $WD, %out_b: $VD, %l1_w: $W1, %l1_b: $VF, %l2_w: $W2,
    %l2_b: $VD, %n1_w: $VD, %n1_b: $VD, %n2_w: $VD, %n2_b: $VD) -> $X {
  %attn = s2s.multi_head_attention %x in_proj_weight(%in_w)
      in_proj_bias(%in_b) out_proj_weight(%out_w) out_proj_bias(%out_b)
      num_heads($NH) batch_first : ($X, $W3, $B3, $WD, $VD) -> $X
  %sum = arith.addf %x, %attn : $X
  %x1 = s2s.layer_norm %sum weight(%n1_w) bias(%n1_b)
      normalized_shape([$D]) eps(1.0e-05) : ($X, $VD, $VD) -> $X
  %y = func.call @feed_forward(%x1, %l1_w, %l1_b, %l2_w, %l2_b, %n2_w, %n2_b)
      : ($X, $W1, $VF, $W2, $VD, $VD, $VD) -> $X
  return %y : $X
}

// One step of a decoder layer for position pos: x [N, 1, $D]; its
// self-attention (s2s.cached_multi_head_attention) writes its keys and
// values into the layer's caches at pos and reads their valid prefix; the
// cross-attention reads the memory's keys and values (computed once).
func.func private @decoder_layer(%x: $X, %k_cache: $C, %v_cache: $C,
    %pos: index, %kc: $HX, %vc: $HX,
    %sa_in_w: $W3, %sa_in_b: $B3, %sa_out_w: $WD, %sa_out_b: $VD,
    %ca_in_w: $W3, %ca_in_b: $B3, %ca_out_w: $WD, %ca_out_b: $VD,
    %l1_w: $W1, %l1_b: $VF, %l2_w: $W2, %l2_b: $VD,
    %n1_w: $VD, %n1_b: $VD, %n2_w: $VD, %n2_b: $VD, %n3_w: $VD, %n3_b: $VD)
    -> ($X, $C, $C) {
  %c0 = arith.constant 0 : index
  %sa, %k_next, %v_next = s2s.cached_multi_head_attention %x
      cache(%k_cache, %v_cache) at(%pos) in_proj_weight(%sa_in_w)
      in_proj_bias(%sa_in_b) out_proj_weight(%sa_out_w)
      out_proj_bias(%sa_out_b) num_heads($NH) batch_first causal
      : ($X, $C, $C, index, $W3, $B3, $WD, $VD) -> ($X, $C, $C)
  %sa_sum = arith.addf %x, %sa : $X
  %x1 = s2s.layer_norm %sa_sum weight(%n1_w) bias(%n1_b)
      normalized_shape([$D]) eps(1.0e-05) : ($X, $VD, $VD) -> $X
  %cq = func.call @projection(%x1, %ca_in_w, %ca_in_b, %c0)
      : ($X, $W3, $B3, index) -> $HX
  %ca = s2s.scaled_dot_product_attention %cq, %kc, %vc
      : ($HX, $HX, $HX) -> $HX
  %x2 = func.call @attention_out(%x1, %ca, %ca_out_w, %ca_out_b, %n2_w, %n2_b)
      : ($X, $HX, $WD, $VD, $VD, $VD) -> $X
  %x3 = func.call @feed_forward(%x2, %l1_w, %l1_b, %l2_w, %l2_b, %n3_w, %n3_b)
      : ($X, $W1, $VF, $W2, $VD, $VD, $VD) -> $X
  return %x3, %k_next, %v_next : $X, $C, $C
}
""")


def mlir(name):
    """The model: one public entry point `name`."""
    ty = _types()
    args = arguments()
    lines = []
    p = lines.append
    p("// Benchmark model %s (generated by bench/suite.py from "
      "bench/generation.py)." % name)
    p("//")
    p("// A Transformer encoder-decoder (nn.Transformer: d_model %d, %d heads,"
      % (D, NH))
    p("// %d encoder and %d decoder layers, feed-forward %d, ReLU, post-norm,"
      % (LAYERS_ENC, LAYERS_DEC, FF))
    p("// final norms) with embeddings of %d source and target tokens scaled"
      % VOCAB)
    p("// by sqrt(d) plus a sinusoidal table `pe`, and an output projection,")
    p("// decoding greedily from BOS = %d for `steps` steps (no stop at EOS)."
      % BOS)
    p("// The encoder and each decoder layer's cross-attention keys and")
    p("// values run once; each step runs one position per sentence, its")
    p("// self-attention keys and values written into a KV cache of capacity")
    p("// %d per layer (s2s.cached_multi_head_attention, in place)." % CAPACITY)
    p("//")
    p("// The layers' parameters come stacked ([layers, ...]) and the layers")
    p("// run as a loop, so that the code of a layer exists once; so do the")
    p("// caches ([layers, B, %d, %d, %d]) and the cross-attention keys and"
      % (NH, CAPACITY, DH))
    p("// values ([layers, B, %d, S, %d])." % (NH, DH))
    p("//")
    p("// src [B, S] (S <= %d), steps (<= %d); result: the tokens [%d, B],"
      % (CAPACITY, CAPACITY, CAPACITY))
    p("// rows past `steps` zero. Batch and source length are dynamic.")
    p("")
    p(BLOCKS.substitute(ty))
    sig = ",\n    ".join("%%%s: %s" % a for a in args)
    toks = "tensor<%dx?xi64>" % CAPACITY
    p("func.func @%s(\n    %s)\n    -> %s {" % (name, sig, toks))
    enc_slices, enc_names = _layer_slices(
        "encoder_layers_", encoder_layer_params(), LAYERS_ENC, "    ")
    dec_params = decoder_layer_params()
    dec_slices, dec_names = _layer_slices(
        "decoder_layers_", dec_params, LAYERS_DEC, "      ")
    ca_params = ["multihead_attn_in_proj_weight", "multihead_attn_in_proj_bias"]
    ca_slices, ca_names = _layer_slices("decoder_layers_", ca_params,
                                        LAYERS_DEC, "    ")
    caches = "tensor<%dx?x%dx%dx%dxf32>" % (LAYERS_DEC, NH, CAPACITY, DH)
    cross = "tensor<%dx?x%dx?x%dxf32>" % (LAYERS_DEC, NH, DH)
    body = Template("""\
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %cD = arith.constant $D : index
  %c2D = arith.constant $D2 : index
  %cap = arith.constant $CAP : index
  %n_enc = arith.constant $LE : index
  %n_dec = arith.constant $LD : index
  %B = tensor.dim %src, %c0 : tensor<?x?xi64>
  %S = tensor.dim %src, %c1 : tensor<?x?xi64>
  %steps_i64 = tensor.extract %steps[] : tensor<i64>
  %n_steps = arith.index_cast %steps_i64 : i64 to index
  %steps_fit = arith.cmpi ule, %n_steps, %cap : index
  cf.assert %steps_fit, "more steps than the KV cache holds ($CAP)"
  %src_fits = arith.cmpi ule, %S, %cap : index
  cf.assert %src_fits, "a source longer than the positions of 'pe' ($CAP)"

  // Encoder, once.
  %src_e = s2s.embedding %src, %src_emb_weight
      : (tensor<?x?xi64>, $EMB) -> $X
  %h0 = func.call @position(%src_e, %pe, %c0) : ($X, $PE, index) -> $X
  %h_enc = scf.for %l = %c0 to %n_enc step %c1 iter_args(%h = %h0) -> ($X) {
$ENC_SLICES
    %h_next = func.call @encoder_layer(%h, $ENC_NAMES)
        : ($X, $W3, $B3, $WD, $VD, $W1, $VF, $W2, $VD, $VD, $VD, $VD, $VD)
        -> $X
    scf.yield %h_next : $X
  }
  %memory = s2s.layer_norm %h_enc weight(%encoder_norm_weight)
      bias(%encoder_norm_bias) normalized_shape([$D]) eps(1.0e-05)
      : ($X, $VD, $VD) -> $X

  // The cross-attention keys and values of every decoder layer, once.
  %cross_empty = tensor.empty(%B, %S) : $CROSS
  %kc_all, %vc_all = scf.for %l = %c0 to %n_dec step %c1
      iter_args(%ka = %cross_empty, %va = %cross_empty) -> ($CROSS, $CROSS) {
$CA_SLICES
    %k = func.call @projection(%memory, $CA_NAMES, %cD)
        : ($X, $W3, $B3, index) -> $HX
    %v = func.call @projection(%memory, $CA_NAMES, %c2D)
        : ($X, $W3, $B3, index) -> $HX
    %ka_next = tensor.insert_slice %k into %ka[%l, 0, 0, 0, 0]
        [1, %B, $NH, %S, $DH] [1, 1, 1, 1, 1] : $HX into $CROSS
    %va_next = tensor.insert_slice %v into %va[%l, 0, 0, 0, 0]
        [1, %B, $NH, %S, $DH] [1, 1, 1, 1, 1] : $HX into $CROSS
    scf.yield %ka_next, %va_next : $CROSS, $CROSS
  }

  // Greedy decoding, one position per step.
  %zero = arith.constant 0.0 : f32
  %caches_empty = tensor.empty(%B) : $CACHES
  %caches0 = linalg.fill ins(%zero : f32) outs(%caches_empty : $CACHES)
      -> $CACHES
  %bos_value = arith.constant $BOS : i64
  %y_empty = tensor.empty(%B) : tensor<?xi64>
  %y0 = linalg.fill ins(%bos_value : i64) outs(%y_empty : tensor<?xi64>)
      -> tensor<?xi64>
  %pad = arith.constant 0 : i64
  %toks_empty = tensor.empty(%B) : $TOKS
  %toks0 = linalg.fill ins(%pad : i64) outs(%toks_empty : $TOKS) -> $TOKS
  %y_last, %tokens, %k_last, %v_last = scf.for %pos = %c0 to %n_steps
      step %c1 iter_args(%y = %y0, %toks = %toks0, %kcs = %caches0,
                         %vcs = %caches0)
      -> (tensor<?xi64>, $TOKS, $CACHES, $CACHES) {
    %y2 = tensor.expand_shape %y [[0, 1]] output_shape [%B, 1]
        : tensor<?xi64> into tensor<?x1xi64>
    %emb = s2s.embedding %y2, %tgt_emb_weight
        : (tensor<?x1xi64>, $EMB) -> tensor<?x1x${D}xf32>
    %emb_dyn = tensor.cast %emb : tensor<?x1x${D}xf32> to $X
    %x0 = func.call @position(%emb_dyn, %pe, %pos) : ($X, $PE, index) -> $X
    %x_dec, %kcs_next, %vcs_next = scf.for %l = %c0 to %n_dec step %c1
        iter_args(%x = %x0, %ka = %kcs, %va = %vcs)
        -> ($X, $CACHES, $CACHES) {
      %k_cache = tensor.extract_slice %ka[%l, 0, 0, 0, 0]
          [1, %B, $NH, $CAP, $DH] [1, 1, 1, 1, 1] : $CACHES to $C
      %v_cache = tensor.extract_slice %va[%l, 0, 0, 0, 0]
          [1, %B, $NH, $CAP, $DH] [1, 1, 1, 1, 1] : $CACHES to $C
      %kc = tensor.extract_slice %kc_all[%l, 0, 0, 0, 0]
          [1, %B, $NH, %S, $DH] [1, 1, 1, 1, 1] : $CROSS to $HX
      %vc = tensor.extract_slice %vc_all[%l, 0, 0, 0, 0]
          [1, %B, $NH, %S, $DH] [1, 1, 1, 1, 1] : $CROSS to $HX
$DEC_SLICES
      %x_next, %k_next, %v_next = func.call @decoder_layer(%x, %k_cache,
          %v_cache, %pos, %kc, %vc, $DEC_NAMES)
          : ($X, $C, $C, index, $HX, $HX, $W3, $B3, $WD, $VD, $W3, $B3,
             $WD, $VD, $W1, $VF, $W2, $VD, $VD, $VD, $VD, $VD, $VD, $VD)
          -> ($X, $C, $C)
      %ka_next = tensor.insert_slice %k_next into %ka[%l, 0, 0, 0, 0]
          [1, %B, $NH, $CAP, $DH] [1, 1, 1, 1, 1] : $C into $CACHES
      %va_next = tensor.insert_slice %v_next into %va[%l, 0, 0, 0, 0]
          [1, %B, $NH, $CAP, $DH] [1, 1, 1, 1, 1] : $C into $CACHES
      scf.yield %x_next, %ka_next, %va_next : $X, $CACHES, $CACHES
    }
    %xn = s2s.layer_norm %x_dec weight(%decoder_norm_weight)
        bias(%decoder_norm_bias) normalized_shape([$D]) eps(1.0e-05)
        : ($X, $VD, $VD) -> $X
    %x1d = tensor.cast %xn : $X to tensor<?x1x${D}xf32>
    %last = tensor.collapse_shape %x1d [[0, 1], [2]]
        : tensor<?x1x${D}xf32> into tensor<?x${D}xf32>
    %logits = s2s.linear %last, %out_weight, %out_bias
        : (tensor<?x${D}xf32>, $WO, $VO) -> tensor<?x${V}xf32>
    %y_next = s2s.argmax %logits dim(1) : (tensor<?x${V}xf32>) -> tensor<?xi64>
    %row = tensor.expand_shape %y_next [[0, 1]] output_shape [1, %B]
        : tensor<?xi64> into tensor<1x?xi64>
    %toks_next = tensor.insert_slice %row into %toks[%pos, 0] [1, %B] [1, 1]
        : tensor<1x?xi64> into $TOKS
    scf.yield %y_next, %toks_next, %kcs_next, %vcs_next
        : tensor<?xi64>, $TOKS, $CACHES, $CACHES
  }
  return %tokens : $TOKS
}""")
    p(body.substitute(
        ty, LE=LAYERS_ENC, LD=LAYERS_DEC, CACHES=caches, CROSS=cross,
        TOKS=toks, ENC_SLICES=enc_slices, ENC_NAMES=", ".join(enc_names),
        CA_SLICES=ca_slices, CA_NAMES=", ".join(ca_names),
        DEC_SLICES=dec_slices, DEC_NAMES=", ".join(dec_names)))
    return "\n".join(lines) + "\n"


def flops(batch, tokens):
    """FLOP of one call: the encoder, the cross-attention keys and values,
    and per step the decoder's projections, its attention over the cache
    (prefix pos + 1) and over the memory, and the output projection."""
    B, S, N = batch, SRC_LEN, tokens
    enc = LAYERS_ENC * (2 * B * S * D * 4 * D + 4 * B * S * S * D +
                        2 * 2 * B * S * D * FF)
    cross_kv = LAYERS_DEC * 2 * B * S * D * 2 * D
    per_step = LAYERS_DEC * (2 * B * D * 3 * D + 2 * B * D * D +
                             2 * B * D * 2 * D + 4 * B * S * D +
                             2 * 2 * B * D * FF) + 2 * B * D * VOCAB
    attn_cache = LAYERS_DEC * 4 * B * D * (N * (N + 1) // 2)
    return enc + cross_kv + N * per_step + attn_cache


FLOP_FORMULA = (
    "encoder L*(2*B*S*D*4D + 4*B*S*S*D + 4*B*S*D*F) + cross K/V "
    "L*2*B*S*D*2D + steps*(L*(2*B*D*3D + 2*B*D*D + 2*B*D*2D + 4*B*S*D + "
    "4*B*D*F) + 2*B*D*V) + self-attention over the cache "
    "L*4*B*D*steps*(steps+1)/2")


def positional_table(np):
    """pe[pos, 2i] = sin(pos / 10000^(2i/D)), pe[pos, 2i+1] = cos(...),
    in float64, rounded once to float32."""
    pos = np.arange(CAPACITY, dtype=np.float64)[:, None]
    i = np.arange(0, D, 2, dtype=np.float64)[None, :]
    angle = pos / np.power(10000.0, i / D)
    pe = np.zeros((CAPACITY, D), dtype=np.float64)
    pe[:, 0::2] = np.sin(angle)
    pe[:, 1::2] = np.cos(angle)
    return pe.astype(np.float32)


def make(batch, tokens):
    """The workload's make(torch): inputs, outputs, the PyTorch version
    (encoder once; a decoder step with its own KV cache, keys and values
    concatenated per step, as a PyTorch user writes incremental decoding)
    and the comparison kind."""
    def make_(torch):
        import numpy as np
        nn, F = torch.nn, torch.nn.functional
        torch.manual_seed(0)
        model = nn.Transformer(
            d_model=D, nhead=NH, num_encoder_layers=LAYERS_ENC,
            num_decoder_layers=LAYERS_DEC, dim_feedforward=FF, dropout=0.0,
            batch_first=True).eval()
        src_emb = nn.Embedding(VOCAB, D).eval()
        tgt_emb = nn.Embedding(VOCAB, D).eval()
        out = nn.Linear(D, VOCAB).eval()
        # Sharper logits than the initialization gives, so that greedy
        # decisions are not ties within rounding.
        with torch.no_grad():
            out.weight.mul_(10.0)
        pe = torch.from_numpy(positional_table(np))
        g = torch.Generator().manual_seed(batch * 1000 + tokens)
        src = torch.randint(3, VOCAB, (batch, SRC_LEN), generator=g)
        sd = {k.replace("transformer.", "").replace(".", "_"): v
              for k, v in model.state_dict().items()}
        n = lambda x: x.detach().numpy()

        def stacked(prefix, params, layers):
            return [np.ascontiguousarray(np.stack(
                [n(sd["%s%d_%s" % (prefix, i, s)]) for i in range(layers)]))
                for s in params]
        inputs = ([src.numpy(), np.array(tokens, dtype=np.int64), n(pe),
                   n(src_emb.weight), n(tgt_emb.weight)] +
                  stacked("encoder_layers_", encoder_layer_params(),
                          LAYERS_ENC) +
                  [n(sd["encoder_norm_weight"]), n(sd["encoder_norm_bias"])] +
                  stacked("decoder_layers_", decoder_layer_params(),
                          LAYERS_DEC) +
                  [n(sd["decoder_norm_weight"]), n(sd["decoder_norm_bias"]),
                   n(out.weight), n(out.bias)])
        scale = math.sqrt(D)

        def heads(x):                              # [B, T, D] -> [B, H, T, Dh]
            return x.view(batch, -1, NH, DH).transpose(1, 2)

        def attend(q, k, v):
            w = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(DH), dim=-1)
            return (w @ v).transpose(1, 2).reshape(batch, -1, D)

        def fn():
            x = src_emb(src) * scale + pe[:SRC_LEN]
            memory = model.encoder(x)
            layers = model.decoder.layers
            cross = []
            for layer in layers:
                w, b = (layer.multihead_attn.in_proj_weight,
                        layer.multihead_attn.in_proj_bias)
                cross.append((heads(F.linear(memory, w[D:2 * D], b[D:2 * D])),
                              heads(F.linear(memory, w[2 * D:], b[2 * D:]))))
            cache = [None] * len(layers)
            y = torch.full((batch,), BOS, dtype=torch.int64)
            result = torch.zeros(CAPACITY, batch, dtype=torch.int64)
            for pos in range(tokens):
                x = tgt_emb(y)[:, None] * scale + pe[pos]
                for i, layer in enumerate(layers):
                    sa = layer.self_attn
                    q, k, v = F.linear(x, sa.in_proj_weight,
                                       sa.in_proj_bias).chunk(3, dim=-1)
                    q, k, v = heads(q), heads(k), heads(v)
                    if cache[i] is not None:
                        k = torch.cat([cache[i][0], k], dim=2)
                        v = torch.cat([cache[i][1], v], dim=2)
                    cache[i] = (k, v)
                    x = layer.norm1(x + sa.out_proj(attend(q, k, v)))
                    ca = layer.multihead_attn
                    q = heads(F.linear(x, ca.in_proj_weight[:D],
                                       ca.in_proj_bias[:D]))
                    x = layer.norm2(x + ca.out_proj(attend(q, *cross[i])))
                    x = layer.norm3(x + layer.linear2(F.relu(
                        layer.linear1(x))))
                x = model.decoder.norm(x)
                y = out(x[:, 0]).argmax(dim=-1)
                result[pos] = y
            return result
        return inputs, [((CAPACITY, batch), "int64")], fn, "tokens"
    return make_

#!/usr/bin/python3
"""The workloads of the benchmark suite (bench/run.py).

Each workload is described once here:

  * the s2s model: a public func.func written in the s2s dialect, whose
    arguments are the weights and inputs (static shapes); the text is
    generated from the templates below and kept in bench/workloads/NAME.mlir
    (`/usr/bin/python3 bench/suite.py` rewrites those files, `--check`
    verifies that they are up to date);
  * its inputs, made from a PyTorch module with a fixed seed (so the s2s
    function gets exactly the module's weights, in PyTorch's layouts);
  * the same computation in PyTorch, written as a PyTorch user would;
  * its FLOP count, with the formula as text.

Only run.py imports torch (lazily, through the `make` functions); writing
the .mlir files needs nothing beyond the standard library.
"""

import argparse
import os
import sys

import generation

HERE = os.path.dirname(os.path.abspath(__file__))
WORKLOAD_DIR = os.path.join(HERE, "workloads")

# Sizes of the issue.
ATTN_SEQS = (128, 512, 2048)
E, NHEAD, HEAD_DIM = 512, 8, 64
RNN_T, RNN_I, RNN_H = 64, 512, 512
RNN_BATCHES = (16, 1)
ENC_S, ENC_F = 512, 2048
MM_N = 1024
# The encoder's GEMMs (M x N x K): packed QKV, output, FFN in and out.
ENC_GEMMS = ((ENC_S, 3 * E, E), (ENC_S, E, E), (ENC_S, ENC_F, E),
             (ENC_S, E, ENC_F))
# Seq2Seq greedy decoder (examples/seq2seq/seq2seq_bahdanau.mlir, scaled up).
S2S_T, S2S_B, S2S_VSRC, S2S_VTGT = 32, 16, 8000, 8000
S2S_E, S2S_H, S2S_A, S2S_STEPS, S2S_BOS = 256, 512, 512, 32, 1


def t(*shape, dtype="f32"):
    """MLIR tensor type."""
    return "tensor<%sx%s>" % ("x".join(str(d) for d in shape), dtype)


def signature(name, args, results):
    """func.func header: args is [(name, type)], results [type]."""
    params = ",\n    ".join("%%%s: %s" % (n, ty) for n, ty in args)
    res = results[0] if len(results) == 1 else "(%s)" % ", ".join(results)
    return "func.func @%s(\n    %s)\n    -> %s {" % (name, params, res)


class Workload:
    """One benchmark workload.

    name      function and file name
    kind      "attention" for the workloads whose scratch memory matters
    group     for the summary
    flops     FLOP count of one call
    formula   how `flops` is counted, as text
    mlir      the model text (bench/workloads/NAME.mlir)
    make      make(torch) -> (inputs: list of numpy arrays in argument order,
                              outputs: list of (shape, numpy dtype),
                              torch_fn: callable() -> tensor or tuple,
                              compare: "allclose" or "tokens")
    dyn       the same model with its batch and sequence dimensions written
              `?`: a Model, shared by the workloads that differ only in
              those sizes (one library called at each of their sizes)
    tokens    (batch, steps) of a generation workload: the figures per
              token are the call's divided by these
    onednn    (kind, dims) of the workload in bench/peers/onednn.cpp (its
              inputs and outputs those of the s2s function), or None where
              oneDNN has no counterpart
    stream    for a memory-bound workload: (bytes a call must read, its
              working set in bytes, the formula as text); the benchmark
              prints the bandwidth this makes next to the measured read
              bandwidth of a buffer of the working set's size
    onnx      [(configuration, export)] for ONNX Runtime (bench/peers/ort.js):
              export(torch, inputs, path) writes an ONNX model of the
              workload to path, its weights as initializers, and returns
              the indices of `inputs` that are the model's inputs (in
              order); its outputs are the workload's. ONNX Runtime's figure
              is that of its fastest configuration.
    imported  the s2s side is the model that ONNX Runtime runs: the export
              of the first `onnx` configuration, imported by s2s-import-onnx
              (as a user compiles an exported model) when the benchmark
              starts, instead of a model of bench/workloads/
    pipeline_options
              options of the s2s-to-llvm pipeline its library is compiled
              with (s2s-compile --pipeline-options), e.g. bf16-weights=true
    A workload without `mlir` (None) has only its dynamic model, which is
    then the s2s side of the measurement (the generation workloads: one
    library for every batch and length), or is `imported`.
    """

    def __init__(self, name, group, flops, formula, mlir, make,
                 kind="other", note="", dyn=None, tokens=None, onednn=None,
                 onnx=(), stream=None, imported=False, pipeline_options=""):
        self.name, self.group = name, group
        self.flops, self.formula = flops, formula
        self.mlir, self.make = mlir, make
        self.kind, self.note = kind, note
        self.dyn = dyn
        self.tokens = tokens
        self.onednn = onednn
        self.onnx = list(onnx)
        self.stream = stream
        self.imported = imported
        self.pipeline_options = pipeline_options

    def library(self):
        """The model whose library the s2s measurement calls."""
        return self if self.mlir is not None or self.imported else self.dyn

    def path(self):
        return os.path.join(WORKLOAD_DIR, self.name + ".mlir")


class Model:
    """A model file of bench/workloads/ that is not a workload of its own:
    the dynamic-shape variant of one or more workloads."""

    def __init__(self, name, mlir):
        self.name, self.mlir = name, mlir

    def path(self):
        return os.path.join(WORKLOAD_DIR, self.name + ".mlir")


def static_models(ws):
    """The workloads that have a model of their own."""
    return [w for w in ws if w.mlir is not None]


def dynamic_models(ws):
    """The distinct dynamic models of the workloads ws, in order."""
    seen = {}
    for w in ws:
        if w.dyn is not None and w.dyn.name not in seen:
            seen[w.dyn.name] = w.dyn
    return list(seen.values())


DYN_NOTE = ("The batch and sequence dimensions are written `?`: one compiled "
            "library runs at every size.")


def header(lines):
    return "".join("// %s\n" % l if l else "//\n" for l in lines)


#===----------------------------------------------------------------------===#
# Multi-head self-attention block (nn.MultiheadAttention, packed in_proj)
#===----------------------------------------------------------------------===#


def mha_flops(S):
    return 2 * S * E * 3 * E + 4 * S * S * E + 2 * S * E * E


def mha_mlir(name, S):
    """S = None: batch and sequence dynamic."""
    x = t(1, S, E) if S else t("?", "?", E)
    args = [("x", x), ("in_proj_weight", t(3 * E, E)),
            ("in_proj_bias", t(3 * E)), ("out_proj_weight", t(E, E)),
            ("out_proj_bias", t(E))]
    return header([
        "Benchmark workload %s (generated by bench/suite.py)." % name,
        "",
        "Self-attention as nn.MultiheadAttention(%d, %d, batch_first=True)"
        % (E, NHEAD),
        "in eval mode: %s, packed in_proj."
        % ("batch 1, sequence %d" % S if S else "any batch and sequence"),
    ] + ([] if S else ["", DYN_NOTE])) + """
%s
  %%out = s2s.multi_head_attention %%x
      in_proj_weight(%%in_proj_weight) in_proj_bias(%%in_proj_bias)
      out_proj_weight(%%out_proj_weight) out_proj_bias(%%out_proj_bias)
      num_heads(%d) batch_first
      : (%s, %s, %s, %s, %s) -> %s
  return %%out : %s
}
""" % (signature(name, args, [x]), NHEAD, x, t(3 * E, E), t(3 * E),
       t(E, E), t(E), x, x)


def mha_make(S):
    def make(torch):
        torch.manual_seed(0)
        m = torch.nn.MultiheadAttention(E, NHEAD, batch_first=True).eval()
        x = torch.randn(1, S, E)
        sd = {k: v.detach().numpy() for k, v in m.state_dict().items()}
        inputs = [x.numpy(), sd["in_proj_weight"], sd["in_proj_bias"],
                  sd["out_proj.weight"], sd["out_proj.bias"]]

        def fn():
            return m(x, x, x, need_weights=False)[0]
        return inputs, [((1, S, E), "float32")], fn, "allclose"
    return make


#===----------------------------------------------------------------------===#
# Bare attention core [1, 8, S, 64]
#===----------------------------------------------------------------------===#


def sdpa_flops(S, causal):
    f = 4 * 1 * NHEAD * S * S * HEAD_DIM
    return f // 2 if causal else f


def sdpa_mlir(name, S, causal):
    """S = None: batch and sequence dynamic."""
    q = t(1, NHEAD, S, HEAD_DIM) if S else t("?", NHEAD, "?", HEAD_DIM)
    args = [("q", q), ("k", q), ("v", q)]
    return header([
        "Benchmark workload %s (generated by bench/suite.py)." % name,
        "",
        "softmax(q k^T / sqrt(%d)%s) v over [%s, %d, %s, %d]."
        % (HEAD_DIM, " + causal mask" if causal else "", 1 if S else "B",
           NHEAD, S or "S", HEAD_DIM),
    ] + ([] if S else ["", DYN_NOTE])) + """
%s
  %%out = s2s.scaled_dot_product_attention %%q, %%k, %%v%s
      : (%s, %s, %s) -> %s
  return %%out : %s
}
""" % (signature(name, args, [q]), " causal" if causal else "", q, q, q, q, q)


def sdpa_make(S, causal):
    def make(torch):
        torch.manual_seed(0)
        q, k, v = (torch.randn(1, NHEAD, S, HEAD_DIM) for _ in range(3))
        scale = 1.0 / HEAD_DIM ** 0.5
        # torch 1.13 has no scaled_dot_product_attention: matmul + softmax.
        if causal:
            mask = torch.ones(S, S, dtype=torch.bool).triu(1)

            def fn():
                s = torch.matmul(q, k.transpose(-2, -1)) * scale
                s = s.masked_fill(mask, float("-inf"))
                return torch.matmul(torch.softmax(s, dim=-1), v)
        else:
            def fn():
                s = torch.matmul(q, k.transpose(-2, -1)) * scale
                return torch.matmul(torch.softmax(s, dim=-1), v)
        return ([q.numpy(), k.numpy(), v.numpy()],
                [((1, NHEAD, S, HEAD_DIM), "float32")], fn, "allclose")
    return make


# Decoding attention: one query against a long KV cache, one (batch, head)
# pair, so the only parallelism is within the keys (attention-key-splits,
# the thread count by default: flash-decoding).
DECODE_KEYS = 16384


def sdpa_decode_mlir(name, dyn=False):
    q = t(1, 1, 1, HEAD_DIM) if not dyn else t("?", 1, "?", HEAD_DIM)
    kv = t(1, 1, DECODE_KEYS, HEAD_DIM) if not dyn else t("?", 1, "?",
                                                           HEAD_DIM)
    args = [("q", q), ("k", kv), ("v", kv)]
    return header([
        "Benchmark workload %s (generated by bench/suite.py)." % name,
        "",
        "Decoding attention: softmax(q k^T / sqrt(%d)) v for one query"
        % HEAD_DIM,
        "[%s, 1, %s, %d] against a cache of %s keys [%s, 1, %s, %d]."
        % ("B" if dyn else 1, "Tq" if dyn else 1, HEAD_DIM,
           "Tk" if dyn else DECODE_KEYS, "B" if dyn else 1,
           "Tk" if dyn else DECODE_KEYS, HEAD_DIM),
    ] + (["", DYN_NOTE] if dyn else [])) + """
%s
  %%out = s2s.scaled_dot_product_attention %%q, %%k, %%v
      : (%s, %s, %s) -> %s
  return %%out : %s
}
""" % (signature(name, args, [q]), q, kv, kv, q, q)


def sdpa_decode_make(torch):
    torch.manual_seed(0)
    q = torch.randn(1, 1, 1, HEAD_DIM)
    k, v = (torch.randn(1, 1, DECODE_KEYS, HEAD_DIM) for _ in range(2))
    scale = 1.0 / HEAD_DIM ** 0.5

    def fn():
        s = torch.matmul(q, k.transpose(-2, -1)) * scale
        return torch.matmul(torch.softmax(s, dim=-1), v)
    return ([q.numpy(), k.numpy(), v.numpy()],
            [((1, 1, 1, HEAD_DIM), "float32")], fn, "allclose")


#===----------------------------------------------------------------------===#
# LSTM and GRU layers
#===----------------------------------------------------------------------===#


def rnn_flops(cell, B):
    gates = 4 if cell == "lstm" else 3
    return 2 * RNN_T * B * (RNN_I + RNN_H) * gates * RNN_H


def rnn_mlir(name, cell, B):
    """B = None: steps and batch dynamic."""
    G = (4 if cell == "lstm" else 3) * RNN_H
    T = RNN_T if B else "?"
    x, y, hn = t(T, B or "?", RNN_I), t(T, B or "?", RNN_H), t(1, B or "?", RNN_H)
    args = [("x", x), ("w_ih", t(1, G, RNN_I)), ("w_hh", t(1, G, RNN_H)),
            ("b_ih", t(1, G)), ("b_hh", t(1, G))]
    results = [y, hn, hn] if cell == "lstm" else [y, hn]
    names = "%y, %h_n, %c_n" if cell == "lstm" else "%y, %h_n"
    module = "nn.%s(%d, %d)" % ("LSTM" if cell == "lstm" else "GRU",
                                RNN_I, RNN_H)
    return header([
        "Benchmark workload %s (generated by bench/suite.py)." % name,
        "",
        "One %s layer, time-major: %s," % (
            module, "%d steps, batch %d" % (RNN_T, B) if B else
            "any number of steps and batch"),
        "input %d, hidden %d; h0%s zeros. The weights are the module's"
        % (RNN_I, RNN_H, " and c0" if cell == "lstm" else ""),
        "layer-0 tensors with a leading direction dimension of 1.",
    ] + ([] if B else ["", DYN_NOTE])) + """
%s
  %s = s2s.%s %%x, %%w_ih, %%w_hh b_ih(%%b_ih) b_hh(%%b_hh)
      hidden_size(%d)
      : (%s, %s, %s, %s, %s)
      -> (%s)
  return %s : %s
}
""" % (signature(name, args, results), names, cell, RNN_H, x,
       t(1, G, RNN_I), t(1, G, RNN_H), t(1, G), t(1, G),
       ", ".join(results), names, ", ".join(results))


def rnn_stream(cell, bf16=False):
    """At batch 1 a step is a matrix-vector product: W_hh is read at
    every step (W_ih once, by the hoisted input projection). With bf16
    weights converted at each call, W_hh and W_ih are also read once in
    f32 and written once in bf16, and the steps read 2 B per weight."""
    G = (4 if cell == "lstm" else 3) * RNN_H
    if not bf16:
        w_hh, w_ih = G * RNN_H * 4, G * RNN_I * 4
        return (RNN_T * w_hh + w_ih, w_hh,
                "W_hh every step, W_ih once: T*G*H*4 + G*I*4 B (T=%d, G=%d, "
                "H=%d, I=%d)" % (RNN_T, G, RNN_H, RNN_I))
    w_hh = G * RNN_H * 2
    return (RNN_T * w_hh + G * RNN_H * 6 + G * RNN_I * 8, w_hh,
            "W_hh in bf16 every step, W_hh and W_ih converted once (4 B "
            "read, 2 B written), W_ih read once in bf16: T*G*H*2 + G*H*6 + "
            "G*I*8 B (T=%d, G=%d, H=%d, I=%d)" % (RNN_T, G, RNN_H, RNN_I))


def rnn_make(cell, B):
    def make(torch):
        torch.manual_seed(0)
        cls = torch.nn.LSTM if cell == "lstm" else torch.nn.GRU
        m = cls(RNN_I, RNN_H).eval()
        x = torch.randn(RNN_T, B, RNN_I)
        sd = {k: v.detach().numpy() for k, v in m.state_dict().items()}
        inputs = [x.numpy()] + [sd[k][None] for k in (
            "weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")]
        outs = [((RNN_T, B, RNN_H), "float32"), ((1, B, RNN_H), "float32")]
        if cell == "lstm":
            outs.append(((1, B, RNN_H), "float32"))

            def fn():
                y, (h, c) = m(x)
                return y, h, c
        else:
            def fn():
                return m(x)
        return inputs, outs, fn, "allclose"
    return make


#===----------------------------------------------------------------------===#
# Transformer encoder layer
#===----------------------------------------------------------------------===#


def encoder_flops():
    return mha_flops(ENC_S) + 2 * 2 * ENC_S * E * ENC_F


def encoder_mlir(name, dyn=False):
    """dyn: batch and sequence dynamic."""
    S, F = ENC_S, ENC_F
    x, h = (t("?", "?", E), t("?", "?", F)) if dyn else (t(1, S, E),
                                                          t(1, S, F))
    args = [("x", x),
            ("self_attn_in_proj_weight", t(3 * E, E)),
            ("self_attn_in_proj_bias", t(3 * E)),
            ("self_attn_out_proj_weight", t(E, E)),
            ("self_attn_out_proj_bias", t(E)),
            ("linear1_weight", t(F, E)), ("linear1_bias", t(F)),
            ("linear2_weight", t(E, F)), ("linear2_bias", t(E)),
            ("norm1_weight", t(E)), ("norm1_bias", t(E)),
            ("norm2_weight", t(E)), ("norm2_bias", t(E))]
    return header([
        "Benchmark workload %s (generated by bench/suite.py)." % name,
        "",
        "nn.TransformerEncoderLayer(d_model=%d, nhead=%d, dim_feedforward=%d,"
        % (E, NHEAD, F),
        "activation=relu, norm_first=False, batch_first=True) in eval mode,",
        "%s, no mask; as examples/transformer/"
        % ("any batch and sequence" if dyn else "batch 1, sequence %d" % S),
        "transformer_encoder_layer.mlir:",
        "  x = LN1(x + MHA(x)); y = LN2(x + linear2(relu(linear1(x))))",
    ] + (["", DYN_NOTE] if dyn else [])) + """
%(sig)s
  %%attn = s2s.multi_head_attention %%x
      in_proj_weight(%%self_attn_in_proj_weight)
      in_proj_bias(%%self_attn_in_proj_bias)
      out_proj_weight(%%self_attn_out_proj_weight)
      out_proj_bias(%%self_attn_out_proj_bias)
      num_heads(%(nh)d) batch_first
      : (%(x)s, %(w3)s, %(b3)s, %(we)s, %(be)s) -> %(x)s
  %%res1 = arith.addf %%x, %%attn : %(x)s
  %%x1 = s2s.layer_norm %%res1 weight(%%norm1_weight) bias(%%norm1_bias)
      normalized_shape([%(E)d]) eps(1.0e-05)
      : (%(x)s, %(be)s, %(be)s) -> %(x)s
  %%ff1 = s2s.linear %%x1, %%linear1_weight, %%linear1_bias
      : (%(x)s, %(w1)s, %(b1)s) -> %(h)s
%(relu)s  %%ff2 = s2s.linear %%relu, %%linear2_weight, %%linear2_bias
      : (%(h)s, %(w2)s, %(be)s) -> %(x)s
  %%res2 = arith.addf %%x1, %%ff2 : %(x)s
  %%y = s2s.layer_norm %%res2 weight(%%norm2_weight) bias(%%norm2_bias)
      normalized_shape([%(E)d]) eps(1.0e-05)
      : (%(x)s, %(be)s, %(be)s) -> %(x)s
  return %%y : %(x)s
}
""" % dict(sig=signature(name, args, [x]), nh=NHEAD, x=x, h=h, E=E,
           relu=ENC_RELU_DYN % dict(x=x, h=h) if dyn else ENC_RELU % dict(h=h),
           w3=t(3 * E, E), b3=t(3 * E), we=t(E, E), be=t(E),
           w1=t(F, E), b1=t(F), w2=t(E, F))


ENC_RELU = """\
  %%zero = arith.constant dense<0.0> : %(h)s
  %%relu = arith.maximumf %%ff1, %%zero : %(h)s
"""
# A dense constant cannot have a dynamic shape: max(x, 0) as a generic.
ENC_RELU_DYN = """\
  %%c0 = arith.constant 0 : index
  %%c1 = arith.constant 1 : index
  %%b = tensor.dim %%x, %%c0 : %(x)s
  %%s = tensor.dim %%x, %%c1 : %(x)s
  %%relu_init = tensor.empty(%%b, %%s) : %(h)s
  %%relu = linalg.generic {
      indexing_maps = [affine_map<(i, j, k) -> (i, j, k)>,
                       affine_map<(i, j, k) -> (i, j, k)>],
      iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%%ff1 : %(h)s) outs(%%relu_init : %(h)s) {
  ^bb0(%%a: f32, %%unused: f32):
    %%zero = arith.constant 0.0 : f32
    %%m = arith.maximumf %%a, %%zero : f32
    linalg.yield %%m : f32
  } -> %(h)s
"""


def encoder_make(torch):
    torch.manual_seed(0)
    m = torch.nn.TransformerEncoderLayer(
        E, NHEAD, ENC_F, dropout=0.0, batch_first=True).eval()
    x = torch.randn(1, ENC_S, E)
    sd = {k: v.detach().numpy() for k, v in m.state_dict().items()}
    keys = ["self_attn.in_proj_weight", "self_attn.in_proj_bias",
            "self_attn.out_proj.weight", "self_attn.out_proj.bias",
            "linear1.weight", "linear1.bias", "linear2.weight", "linear2.bias",
            "norm1.weight", "norm1.bias", "norm2.weight", "norm2.bias"]
    inputs = [x.numpy()] + [sd[k] for k in keys]

    def fn():
        return m(x)
    return inputs, [((1, ENC_S, E), "float32")], fn, "allclose"


#===----------------------------------------------------------------------===#
# Transformer decoder layer, exported from PyTorch with its causal mask
#===----------------------------------------------------------------------===#

DEC_S, DEC_MEM = 512, 512
DEC_KEYS = ["self_attn.in_proj_weight", "self_attn.in_proj_bias",
            "self_attn.out_proj.weight", "self_attn.out_proj.bias",
            "multihead_attn.in_proj_weight", "multihead_attn.in_proj_bias",
            "multihead_attn.out_proj.weight", "multihead_attn.out_proj.bias",
            "linear1.weight", "linear1.bias", "linear2.weight", "linear2.bias",
            "norm1.weight", "norm1.bias", "norm2.weight", "norm2.bias",
            "norm3.weight", "norm3.bias"]


def decoder_flops():
    S, M = DEC_S, DEC_MEM
    self_attn = mha_flops(S)
    cross = (2 * S * E * E + 2 * M * E * 2 * E + 4 * S * M * E
             + 2 * S * E * E)
    return self_attn + cross + 2 * 2 * S * E * ENC_F


def decoder_module(torch):
    return torch.nn.TransformerDecoderLayer(
        E, NHEAD, ENC_F, dropout=0.0, batch_first=True)


def causal_mask(torch, S):
    """nn.Transformer.generate_square_subsequent_mask: 0 on and below the
    diagonal, -inf above."""
    return torch.triu(torch.full((S, S), float("-inf")), diagonal=1)


def decoder_make(torch):
    torch.manual_seed(0)
    m = decoder_module(torch).eval()
    tgt = torch.randn(1, DEC_S, E)
    memory = torch.randn(1, DEC_MEM, E)
    mask = causal_mask(torch, DEC_S)
    sd = {k: v.detach().numpy() for k, v in m.state_dict().items()}
    inputs = [tgt.numpy(), memory.numpy()] + [sd[k] for k in DEC_KEYS]

    def fn():
        return m(tgt, memory, tgt_mask=mask)
    return inputs, [((1, DEC_S, E), "float32")], fn, "allclose"


def export_decoder(torch, inputs, path, dynamic):
    """The layer with the weights of `inputs`, called on (tgt, memory) with
    a causal mask. Static: the mask a constant of the graph, as a model
    exported for inference holds it. Dynamic: batch and lengths dynamic,
    the mask computed from the target length in the graph (Trilu of a -inf
    fill), as a model exported for any length does. s2s recognizes both
    masks as the causal triangle and attends causally."""
    layer = load_weights(torch, decoder_module(torch),
                         dict(zip(DEC_KEYS, inputs[2:])))

    class Decoder(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.layer = layer
            if not dynamic:
                self.register_buffer("mask", causal_mask(torch, DEC_S))

        def forward(self, tgt, memory):
            mask = (torch.nn.Transformer.generate_square_subsequent_mask(
                tgt.size(1)) if dynamic else self.mask)
            return self.layer(tgt, memory, tgt_mask=mask)
    axes = {"in0": {0: "batch", 1: "tgt"}, "in1": {0: "batch", 1: "src"},
            "out0": {0: "batch", 1: "tgt"}}
    export_module(torch, Decoder(), [torch.from_numpy(inputs[0]),
                                     torch.from_numpy(inputs[1])], path, 1,
                  dynamic_axes=axes if dynamic else None)
    return [0, 1]


def decoder_export(torch, inputs, path):
    return export_decoder(torch, inputs, path, dynamic=False)


def decoder_dyn_export(torch, inputs, path):
    return export_decoder(torch, inputs, path, dynamic=True)


#===----------------------------------------------------------------------===#
# Seq2Seq greedy decoding (examples/seq2seq/seq2seq_bahdanau.mlir, scaled up)
#===----------------------------------------------------------------------===#


def seq2seq_terms():
    T, B, V, Em, H, A, N = (S2S_T, S2S_B, S2S_VTGT, S2S_E, S2S_H, S2S_A,
                            S2S_STEPS)
    return [
        ("encoder GRU 2*T*B*(E+H)*3H", 2 * T * B * (Em + H) * 3 * H),
        ("+ key proj 2*B*T*H*A", 2 * B * T * H * A),
        ("+ steps*(query proj 2*B*H*A", N * 2 * B * H * A),
        ("+ scores 2*B*T*A", N * 2 * B * T * A),
        ("+ context 2*B*T*H", N * 2 * B * T * H),
        ("+ GRUCell 2*B*((E+H)+H)*3H", N * 2 * B * ((Em + H) + H) * 3 * H),
        ("+ out proj 2*B*2H*V)", N * 2 * B * 2 * H * V),
    ]


def seq2seq_flops():
    return sum(f for _, f in seq2seq_terms())


def seq2seq_mlir(name, dyn=False):
    """dyn: source length and batch dynamic."""
    T, B, VS, VT = S2S_T, S2S_B, S2S_VSRC, S2S_VTGT
    if dyn:
        T = B = "?"
    Em, H, A, N = S2S_E, S2S_H, S2S_A, S2S_STEPS
    G = 3 * H
    d = dict(
        T=T, B=B, H=H, N=N, bos=S2S_BOS,
        src=t(T, B, dtype="i64"), v=t(A), semb=t(VS, Em), temb=t(VT, Em),
        ewih=t(G, Em), ewhh=t(G, H), gb=t(G),
        ewih3=t(1, G, Em), ewhh3=t(1, G, H), gb2=t(1, G),
        wq=t(A, H), wk=t(A, H), dwih=t(G, Em + H), dwhh=t(G, H),
        ow=t(VT, 2 * H), ob=t(VT),
        srcemb=t(T, B, Em), encout=t(T, B, H), hn=t(1, B, H),
        encbt=t(B, T, H), h=t(B, H), y=t(B, dtype="i64"),
        toks=t(N, B, dtype="i64"), emb=t(B, Em), q3=t(B, 1, H),
        w3=t(B, 1, T), decin=t(B, Em + H), outin=t(B, 2 * H), logits=t(B, VT),
        G=G, Em=Em)
    if dyn:
        # Sizes as values: the batch is dimension 1 of the source.
        d.update(
            bdim="""\
  %%i0 = arith.constant 0 : index
  %%i1 = arith.constant 1 : index
  %%t = tensor.dim %%src, %%i0 : %(src)s
  %%b = tensor.dim %%src, %%i1 : %(src)s
""" % d, bt_sizes="%b, %t",
            qshape="%%b, 1, %d" % H, bsize="%b",
            bos_def="""\
  %%bos_value = arith.constant %(bos)d : i64
  %%bos_init = tensor.empty(%%b) : %(y)s
  %%bos = linalg.fill ins(%%bos_value : i64) outs(%%bos_init : %(y)s) -> %(y)s
  %%zero_token = arith.constant 0 : i64
  %%tokens_empty = tensor.empty(%%b) : %(toks)s
  %%tokens_init = linalg.fill ins(%%zero_token : i64)
      outs(%%tokens_empty : %(toks)s) -> %(toks)s
""" % d)
    else:
        d.update(bdim="", bt_sizes="", qshape="%d, 1, %d" % (B, H), bsize=str(B),
                 bos_def="""\
  %%bos = arith.constant dense<%(bos)d> : %(y)s
  %%tokens_init = arith.constant dense<0> : %(toks)s
""" % d)
    args = [("src", d["src"]), ("v", d["v"]),
            ("src_emb_weight", d["semb"]), ("tgt_emb_weight", d["temb"]),
            ("enc_weight_ih_l0", d["ewih"]), ("enc_weight_hh_l0", d["ewhh"]),
            ("enc_bias_ih_l0", d["gb"]), ("enc_bias_hh_l0", d["gb"]),
            ("W_query_weight", d["wq"]), ("W_keys_weight", d["wk"]),
            ("dec_weight_ih", d["dwih"]), ("dec_weight_hh", d["dwhh"]),
            ("dec_bias_ih", d["gb"]), ("dec_bias_hh", d["gb"]),
            ("out_weight", d["ow"]), ("out_bias", d["ob"])]
    d["sig"] = signature(name, args, [d["toks"]])
    return header([
        "Benchmark workload %s (generated by bench/suite.py)." % name,
        "",
        "examples/seq2seq/seq2seq_bahdanau.mlir at a realistic size: a GRU",
        "encoder over the embedded source and a GRUCell decoder with additive",
        "(Bahdanau) attention, decoding greedily for %d steps from bos = %d."
        % (N, S2S_BOS),
        "Source length %s, batch %s, vocabularies %d (source) / %d (target),"
        % (T, B, VS, VT),
        "embeddings %d, hidden %d, attention size %d." % (Em, H, A),
    ] + (["", "The source length and the batch are written `?`: one "
          "compiled library", "runs at every size."] if dyn else [])) + """
%(sig)s
  %%src_emb = s2s.embedding %%src, %%src_emb_weight
      : (%(src)s, %(semb)s) -> %(srcemb)s
  %%enc_w_ih = tensor.expand_shape %%enc_weight_ih_l0 [[0, 1], [2]]
      output_shape [1, %(G)d, %(Em)d] : %(ewih)s into %(ewih3)s
  %%enc_w_hh = tensor.expand_shape %%enc_weight_hh_l0 [[0, 1], [2]]
      output_shape [1, %(G)d, %(H)d] : %(ewhh)s into %(ewhh3)s
  %%enc_b_ih = tensor.expand_shape %%enc_bias_ih_l0 [[0, 1]]
      output_shape [1, %(G)d] : %(gb)s into %(gb2)s
  %%enc_b_hh = tensor.expand_shape %%enc_bias_hh_l0 [[0, 1]]
      output_shape [1, %(G)d] : %(gb)s into %(gb2)s
  %%enc_out, %%h_n = s2s.gru %%src_emb, %%enc_w_ih, %%enc_w_hh
      b_ih(%%enc_b_ih) b_hh(%%enc_b_hh) hidden_size(%(H)d)
      : (%(srcemb)s, %(ewih3)s, %(ewhh3)s, %(gb2)s, %(gb2)s)
      -> (%(encout)s, %(hn)s)
%(bdim)s  %%enc_bt_init = tensor.empty(%(bt_sizes)s) : %(encbt)s
  %%enc_bt = linalg.transpose ins(%%enc_out : %(encout)s)
      outs(%%enc_bt_init : %(encbt)s) permutation = [1, 0, 2]
  %%h_init = tensor.collapse_shape %%h_n [[0, 1], [2]] : %(hn)s into %(h)s

  %%c0 = arith.constant 0 : index
  %%c1 = arith.constant 1 : index
  %%steps = arith.constant %(N)d : index
%(bos_def)s  %%h_last, %%y_last, %%tokens = scf.for %%step = %%c0 to %%steps step %%c1
      iter_args(%%h = %%h_init, %%y = %%bos, %%toks = %%tokens_init)
      -> (%(h)s, %(y)s, %(toks)s) {
    %%emb = s2s.embedding %%y, %%tgt_emb_weight : (%(y)s, %(temb)s) -> %(emb)s
    %%query = tensor.expand_shape %%h [[0, 1], [2]] output_shape [%(qshape)s]
        : %(h)s into %(q3)s
    %%ctx3, %%weights = s2s.attention additive %%query, %%enc_bt, %%enc_bt
        w_query(%%W_query_weight) w_keys(%%W_keys_weight) v(%%v)
        : (%(q3)s, %(encbt)s, %(encbt)s, %(wq)s, %(wk)s, %(v)s)
        -> (%(q3)s, %(w3)s)
    %%ctx = tensor.collapse_shape %%ctx3 [[0, 1], [2]] : %(q3)s into %(h)s
    %%dec_in = tensor.concat dim(1) %%emb, %%ctx : (%(emb)s, %(h)s) -> %(decin)s
    %%h_next = s2s.gru_cell %%dec_in, %%h, %%dec_weight_ih, %%dec_weight_hh
        b_ih(%%dec_bias_ih) b_hh(%%dec_bias_hh)
        : (%(decin)s, %(h)s, %(dwih)s, %(dwhh)s, %(gb)s, %(gb)s) -> %(h)s
    %%out_in = tensor.concat dim(1) %%h_next, %%ctx
        : (%(h)s, %(h)s) -> %(outin)s
    %%logits = s2s.linear %%out_in, %%out_weight, %%out_bias
        : (%(outin)s, %(ow)s, %(ob)s) -> %(logits)s
    %%y_next = s2s.argmax %%logits dim(1) : (%(logits)s) -> %(y)s
    %%toks_next = tensor.insert_slice %%y_next into %%toks[%%step, 0] [1, %(bsize)s] [1, 1]
        : %(y)s into %(toks)s
    scf.yield %%h_next, %%y_next, %%toks_next : %(h)s, %(y)s, %(toks)s
  }
  return %%tokens : %(toks)s
}
""" % d


def seq2seq_make(torch):
    T, B, VS, VT = S2S_T, S2S_B, S2S_VSRC, S2S_VTGT
    Em, H, A, N = S2S_E, S2S_H, S2S_A, S2S_STEPS
    nn = torch.nn
    torch.manual_seed(0)
    src_emb = nn.Embedding(VS, Em)
    tgt_emb = nn.Embedding(VT, Em)
    enc = nn.GRU(Em, H)
    W_query = nn.Linear(H, A, bias=False)
    W_keys = nn.Linear(H, A, bias=False)
    v = torch.randn(A) / A ** 0.5
    dec = nn.GRUCell(Em + H, H)
    out = nn.Linear(2 * H, VT)
    mods = [src_emb, tgt_emb, enc, W_query, W_keys, dec, out]
    for m in mods:
        m.eval()
    src = torch.randint(0, VS, (T, B), dtype=torch.int64)
    n = lambda p: p.detach().numpy()
    inputs = [src.numpy(), n(v), n(src_emb.weight), n(tgt_emb.weight),
              n(enc.weight_ih_l0), n(enc.weight_hh_l0),
              n(enc.bias_ih_l0), n(enc.bias_hh_l0),
              n(W_query.weight), n(W_keys.weight),
              n(dec.weight_ih), n(dec.weight_hh), n(dec.bias_ih),
              n(dec.bias_hh), n(out.weight), n(out.bias)]

    def fn():
        enc_out, h_n = enc(src_emb(src))                  # [T, B, H]
        enc_bt = enc_out.transpose(0, 1)                  # [B, T, H]
        h = h_n[0]
        y = torch.full((B,), S2S_BOS, dtype=torch.int64)
        tokens = torch.empty(N, B, dtype=torch.int64)
        # The key projection depends on the source alone: once, before
        # the steps (as s2s does with s2s.attention's).
        k = W_keys(enc_bt)                                # [B, T, A]
        for step in range(N):
            emb = tgt_emb(y)
            q = W_query(h)                                # [B, A]
            e = torch.tanh(q[:, None, :] + k) @ v         # [B, T]
            a = torch.softmax(e, dim=-1)
            ctx = torch.bmm(a[:, None, :], enc_bt)[:, 0]  # [B, H]
            h = dec(torch.cat([emb, ctx], dim=1), h)
            y = torch.argmax(out(torch.cat([h, ctx], dim=1)), dim=1)
            tokens[step] = y
        return tokens
    return inputs, [((N, B), "int64")], fn, "tokens"


#===----------------------------------------------------------------------===#
# Plain matmul
#===----------------------------------------------------------------------===#


def matmul_mlir(name, M=MM_N, N=MM_N, K=MM_N):
    """M = None: M dynamic."""
    x, w, y = t(M or "?", K), t(N, K), t(M or "?", N)
    return header([
        "Benchmark workload %s (generated by bench/suite.py)." % name,
        "",
        "y = x W^T (s2s.linear without bias), M x N x K = %s x %d x %d."
        % (M or "?", N, K),
    ] + ([] if M else ["", "M (the rows of x) is written `?`: one compiled "
                           "library runs at every M."])) + """
%s
  %%y = s2s.linear %%x, %%w : (%s, %s) -> %s
  return %%y : %s
}
""" % (signature(name, [("x", x), ("w", w)], [y]), x, w, y, y)


def matmul_make(M=MM_N, N=MM_N, K=MM_N):
    def make(torch):
        torch.manual_seed(0)
        x = torch.randn(M, K)
        w = torch.randn(N, K) / K ** 0.5

        def fn():
            return torch.nn.functional.linear(x, w)
        return [x.numpy(), w.numpy()], [((M, N), "float32")], fn, "allclose"
    return make


#===----------------------------------------------------------------------===#
# ONNX models of the workloads, for ONNX Runtime
#===----------------------------------------------------------------------===#

ONNX_OPSET = 14


def export_module(torch, module, args, path, n_outputs, dynamic_axes=None):
    """torch.onnx.export of module(*args), with fixed shapes unless
    dynamic_axes ({input or output name: {axis: name}}; the inputs are
    named in0, in1, ..., the outputs out0, ...). Not under torch.no_grad:
    there nn.TransformerEncoderLayer takes its fused fast path, an op that
    has no ONNX export."""
    names = ["in%d" % i for i in range(len(args))]
    outs = ["out%d" % i for i in range(n_outputs)]
    torch.onnx.export(module.eval(), tuple(args), path, input_names=names,
                      output_names=outs, opset_version=ONNX_OPSET,
                      do_constant_folding=True, dynamic_axes=dynamic_axes)


def load_weights(torch, module, named):
    """Copies numpy arrays into the module's parameters by name."""
    sd = module.state_dict()
    for k, v in named.items():
        sd[k] = torch.from_numpy(v).reshape(sd[k].shape)
    module.load_state_dict(sd)
    return module.eval()


def mha_module(torch, inputs):
    m = torch.nn.MultiheadAttention(E, NHEAD, batch_first=True)
    return load_weights(torch, m, {
        "in_proj_weight": inputs[1], "in_proj_bias": inputs[2],
        "out_proj.weight": inputs[3], "out_proj.bias": inputs[4]})


def mha_export(torch, inputs, path):
    class SelfAttention(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.m = mha_module(torch, inputs)

        def forward(self, x):
            return self.m(x, x, x, need_weights=False)[0]
    export_module(torch, SelfAttention(), [torch.from_numpy(inputs[0])],
                  path, 1)
    return [0]


def mha_fused_export(torch, inputs, path):
    """The block with ONNX Runtime's fused com.microsoft.Attention (packed
    QKV projection and the heads' attention in one op) and the output
    projection as MatMul + Add."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper
    x, w_in, b_in, w_out, b_out = inputs
    S = x.shape[1]
    inits = [numpy_helper.from_array(w_in.T.copy(), "w_qkv"),
             numpy_helper.from_array(b_in, "b_qkv"),
             numpy_helper.from_array(w_out.T.copy(), "w_out"),
             numpy_helper.from_array(b_out, "b_out")]
    nodes = [
        helper.make_node("Attention", ["in0", "w_qkv", "b_qkv"], ["ctx"],
                         domain="com.microsoft", num_heads=NHEAD),
        helper.make_node("MatMul", ["ctx", "w_out"], ["proj"]),
        helper.make_node("Add", ["proj", "b_out"], ["out0"]),
    ]
    graph = helper.make_graph(
        nodes, "mha_fused",
        [helper.make_tensor_value_info("in0", TensorProto.FLOAT, [1, S, E])],
        [helper.make_tensor_value_info("out0", TensorProto.FLOAT, [1, S, E])],
        inits)
    model = helper.make_model(graph, opset_imports=[
        helper.make_opsetid("", ONNX_OPSET),
        helper.make_opsetid("com.microsoft", 1)])
    onnx.save(model, path)
    return [0]


def sdpa_export(causal):
    def export(torch, inputs, path):
        S, D = inputs[0].shape[-2], inputs[0].shape[-1]
        Sk = inputs[1].shape[-2]

        class Attention(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.register_buffer("mask", torch.ones(
                    S, Sk, dtype=torch.bool).triu(1))

            def forward(self, q, k, v):
                s = torch.matmul(q, k.transpose(-2, -1)) * (1.0 / D ** 0.5)
                if causal:
                    s = s.masked_fill(self.mask, float("-inf"))
                return torch.matmul(torch.softmax(s, dim=-1), v)
        export_module(torch, Attention(),
                      [torch.from_numpy(a) for a in inputs[:3]], path, 1)
        return [0, 1, 2]
    return export


def rnn_export(cell):
    def export(torch, inputs, path):
        cls = torch.nn.LSTM if cell == "lstm" else torch.nn.GRU

        class Layer(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.m = load_weights(torch, cls(RNN_I, RNN_H), {
                    "weight_ih_l0": inputs[1], "weight_hh_l0": inputs[2],
                    "bias_ih_l0": inputs[3], "bias_hh_l0": inputs[4]})

            def forward(self, x):
                if cell == "lstm":
                    y, (h, c) = self.m(x)
                    return y, h, c
                return self.m(x)
        export_module(torch, Layer(), [torch.from_numpy(inputs[0])], path,
                      3 if cell == "lstm" else 2)
        return [0]
    return export


def encoder_export(torch, inputs, path):
    m = torch.nn.TransformerEncoderLayer(E, NHEAD, ENC_F, dropout=0.0,
                                         batch_first=True)
    keys = ["self_attn.in_proj_weight", "self_attn.in_proj_bias",
            "self_attn.out_proj.weight", "self_attn.out_proj.bias",
            "linear1.weight", "linear1.bias", "linear2.weight", "linear2.bias",
            "norm1.weight", "norm1.bias", "norm2.weight", "norm2.bias"]
    m = load_weights(torch, m, dict(zip(keys, inputs[1:])))
    export_module(torch, m, [torch.from_numpy(inputs[0])], path, 1)
    return [0]


def linear_export(torch, inputs, path):
    w = torch.from_numpy(inputs[1])

    class Linear(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.register_buffer("w", w)

        def forward(self, x):
            return torch.nn.functional.linear(x, self.w)
    export_module(torch, Linear(), [torch.from_numpy(inputs[0])], path, 1)
    return [0]


#===----------------------------------------------------------------------===#
# The suite
#===----------------------------------------------------------------------===#


def workloads():
    ws = []
    mha_dyn = Model("mha_dyn", mha_mlir("mha_dyn", None))
    for S in ATTN_SEQS:
        name = "mha_s%d" % S
        ws.append(Workload(
            name, "multi-head self-attention", mha_flops(S),
            "2*S*E*3E + 4*S*S*E + 2*S*E*E (S=%d, E=%d)" % (S, E),
            mha_mlir(name, S), mha_make(S), kind="attention", dyn=mha_dyn,
            onednn=("mha", (S, E, NHEAD)),
            onnx=[("exported", mha_export), ("Attention op", mha_fused_export)]))
    for causal in (False, True):
        dname = "sdpa%s_dyn" % ("_causal" if causal else "")
        sdpa_dyn = Model(dname, sdpa_mlir(dname, None, causal))
        for S in ATTN_SEQS:
            name = "sdpa%s_s%d" % ("_causal" if causal else "", S)
            ws.append(Workload(
                name, "attention core", sdpa_flops(S, causal),
                "%s4*B*H*S*S*D (B=1, H=%d, S=%d, D=%d)"
                % ("1/2 * " if causal else "", NHEAD, S, HEAD_DIM),
                sdpa_mlir(name, S, causal), sdpa_make(S, causal),
                kind="attention", dyn=sdpa_dyn,
                onednn=("sdpa", (NHEAD, S, S, HEAD_DIM, int(causal))),
                onnx=[("exported", sdpa_export(causal))]))
    ws.append(Workload(
        "sdpa_decode_t%d" % DECODE_KEYS, "decoding attention",
        4 * DECODE_KEYS * HEAD_DIM,
        "4*Tk*D (one query, one head, Tk=%d, D=%d)" % (DECODE_KEYS, HEAD_DIM),
        sdpa_decode_mlir("sdpa_decode_t%d" % DECODE_KEYS), sdpa_decode_make,
        dyn=Model("sdpa_decode_dyn", sdpa_decode_mlir("sdpa_decode_dyn",
                                                      dyn=True)),
        onednn=("sdpa", (1, 1, DECODE_KEYS, HEAD_DIM, 0)),
        onnx=[("exported", sdpa_export(False))],
        stream=(2 * DECODE_KEYS * HEAD_DIM * 4, 2 * DECODE_KEYS * HEAD_DIM * 4,
                "K and V once: 2*Tk*D*4 B (Tk=%d, D=%d)"
                % (DECODE_KEYS, HEAD_DIM)),
        note="one (batch, head) pair: at 2 threads s2s splits the keys "
             "(attention-key-splits, flash-decoding)"))
    for cell in ("lstm", "gru"):
        rnn_dyn = Model(cell + "_dyn", rnn_mlir(cell + "_dyn", cell, None))
        for B in RNN_BATCHES:
            name = "%s_b%d" % (cell, B)
            ws.append(Workload(
                name, "recurrent layer", rnn_flops(cell, B),
                "2*T*B*(I+H)*%dH (T=%d, B=%d, I=%d, H=%d; elementwise ignored)"
                % (4 if cell == "lstm" else 3, RNN_T, B, RNN_I, RNN_H),
                rnn_mlir(name, cell, B), rnn_make(cell, B), dyn=rnn_dyn,
                onednn=(cell, (RNN_T, B, RNN_I, RNN_H)),
                onnx=[("exported", rnn_export(cell))],
                stream=rnn_stream(cell) if B == 1 else None))
    ws.append(Workload(
        "encoder_s%d" % ENC_S, "Transformer encoder layer", encoder_flops(),
        "MHA 2*S*E*3E + 4*S*S*E + 2*S*E*E + FFN 2*2*S*E*F "
        "(S=%d, E=%d, F=%d)" % (ENC_S, E, ENC_F),
        encoder_mlir("encoder_s%d" % ENC_S), encoder_make,
        dyn=Model("encoder_dyn", encoder_mlir("encoder_dyn", dyn=True)),
        onnx=[("exported", encoder_export)]))
    ws.append(Workload(
        "decoder_s%d" % DEC_S, "Transformer decoder layer (exported)",
        decoder_flops(),
        "causal self-attention counted in full 2*S*E*3E + 4*S*S*E + 2*S*E*E"
        " + cross-attention 2*S*E*E + 2*M*E*2E + 4*S*M*E + 2*S*E*E + FFN "
        "2*2*S*E*F (S=%d, M=%d memory positions, E=%d, F=%d); s2s compiles "
        "the ONNX export that ONNX Runtime runs (causal mask a constant of "
        "the graph)" % (DEC_S, DEC_MEM, E, ENC_F),
        None, decoder_make, onnx=[("exported", decoder_export)],
        imported=True))
    ws.append(Workload(
        "decoder_dyn_s%d" % DEC_S,
        "Transformer decoder layer (exported, dynamic axes)", decoder_flops(),
        "as decoder_s%d; the export has dynamic batch and lengths and "
        "computes its causal mask from the target length in the graph, "
        "which s2s and ONNX Runtime both run as exported" % DEC_S,
        None, decoder_make, onnx=[("exported", decoder_dyn_export)],
        imported=True))
    ws.append(Workload(
        "seq2seq_greedy", "Seq2Seq greedy decoding", seq2seq_flops(),
        " ".join(n for n, _ in seq2seq_terms()) +
        " (T=%d, B=%d, E=%d, H=%d, A=%d, V=%d, steps=%d; embeddings, "
        "tanh/softmax/argmax ignored)"
        % (S2S_T, S2S_B, S2S_E, S2S_H, S2S_A, S2S_VTGT, S2S_STEPS),
        seq2seq_mlir("seq2seq_greedy"), seq2seq_make,
        dyn=Model("seq2seq_greedy_dyn",
                  seq2seq_mlir("seq2seq_greedy_dyn", dyn=True)),
        tokens=(S2S_B, S2S_STEPS),
        note="the key projection is computed once per source sequence, in "
             "both implementations (s2s.attention's lowering hoists it out "
             "of the decoding loop)"))
    gen = Model(generation.MODEL_NAME, generation.mlir(generation.MODEL_NAME))
    for B in generation.BATCHES:
        for N in generation.TOKENS:
            ws.append(Workload(
                generation.workload_name(B, N), "Transformer generation",
                generation.flops(B, N),
                generation.FLOP_FORMULA + " (B=%d, steps=%d, S=%d, D=%d, "
                "F=%d, L=%d+%d, V=%d; norms, softmax, argmax ignored)"
                % (B, N, generation.SRC_LEN, generation.D, generation.FF,
                   generation.LAYERS_ENC, generation.LAYERS_DEC,
                   generation.VOCAB),
                None, generation.make(B, N), dyn=gen, tokens=(B, N),
                note="PyTorch: nn.Transformer's encoder once, then a "
                     "decoder step per token written with its own KV cache "
                     "(torch.cat of each layer's keys and values per step)"))
    ws.append(Workload(
        "matmul_%d" % MM_N, "matmul", 2 * MM_N ** 3,
        "2*M*N*K (M=N=K=%d)" % MM_N, matmul_mlir("matmul_%d" % MM_N),
        matmul_make(), dyn=Model("matmul_%d_dyn" % MM_N, matmul_mlir(
            "matmul_%d_dyn" % MM_N, None)),
        onednn=("linear", (MM_N, MM_N, MM_N)),
        onnx=[("exported", linear_export)]))
    # The encoder layer's projections, one by one (x W^T as s2s.linear and
    # F.linear compute it): where its time goes.
    for M, N, K in ENC_GEMMS:
        name = "linear_%dx%dx%d" % (M, N, K)
        ws.append(Workload(
            name, "encoder GEMM", 2 * M * N * K,
            "2*M*N*K (M=%d, N=%d, K=%d)" % (M, N, K),
            matmul_mlir(name, M, N, K), matmul_make(M, N, K),
            dyn=Model(name + "_dyn", matmul_mlir(name + "_dyn", None, N, K)),
            onednn=("linear", (M, N, K)),
            onnx=[("exported", linear_export)]))
    # bf16 (docs/BF16.md) beside the f32 rows of the same shapes: s2s with
    # bf16-products (weights and the activations they multiply rounded to
    # bf16, vdpbf16ps), as oneDNN's bf16 mode rounds both; ONNX Runtime and
    # PyTorch in f32. Checked against PyTorch's f32 results within the bf16
    # contract (compare kind "bf16").
    for base in BF16_WORKLOADS:
        f32 = next(w for w in ws if w.name == base)
        name = base + "_bf16"
        ws.append(Workload(
            name, "bf16", f32.flops, f32.formula,
            f32.mlir and f32.mlir.replace("@%s(" % base, "@%s(" % name)
            .replace("workload %s (" % base, "workload %s (" % name),
            bf16_make(f32.make), kind=f32.kind,
            onednn=f32.onednn and (f32.onednn[0] + "_bf16", f32.onednn[1]),
            onnx=f32.onnx, imported=f32.imported,
            stream=(rnn_stream(base.split("_")[0], bf16=True)
                    if f32.stream else None),
            pipeline_options="bf16-products=true",
            note="s2s with bf16-products=true (%s); oneDNN in its bf16 mode "
                 "(weights and activations bf16, converted as its users do); "
                 "ONNX Runtime and PyTorch in f32"
                 % ("the weights are constants of the imported graph, "
                    "rounded at compile time" if f32.imported else
                    "weights converted at each call, before the loops")))
    return ws


# The workloads run again in bf16.
BF16_WORKLOADS = ["lstm_b1", "gru_b1", "lstm_b16", "gru_b16",
                  "linear_512x2048x512", "decoder_s%d" % DEC_S]


def bf16_make(make):
    """make() of the f32 workload, its result checked as bf16 results."""
    def made(torch):
        inputs, outputs, fn, kind = make(torch)
        return inputs, outputs, fn, "bf16" if kind == "allclose" else kind
    return made


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="only check that bench/workloads/*.mlir are current")
    args = ap.parse_args()
    stale = []
    os.makedirs(WORKLOAD_DIR, exist_ok=True)
    ws = workloads()
    for w in static_models(ws) + dynamic_models(ws):
        old = None
        if os.path.exists(w.path()):
            with open(w.path()) as f:
                old = f.read()
        if old == w.mlir:
            continue
        stale.append(w.path())
        if not args.check:
            with open(w.path(), "w") as f:
                f.write(w.mlir)
            print("wrote %s" % os.path.relpath(w.path()))
    if args.check and stale:
        print("out of date: %s" % " ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

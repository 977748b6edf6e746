#!/usr/bin/env python3
"""Randomized numeric tests of s2s: one-op models against a NumPy reference.

For each of --count models drawn from random.Random(--seed), picks an op,
its attributes and shapes (odd sizes, and 0 and 1 often for the batch, time
and key dimensions), writes a one-op model (model.mlir), random .npy inputs
and the reference outputs (reference.py, float64, rounded once to float32)
into --workdir, runs

  s2s-run model.mlir --input=... --expect=... --rtol=R --atol=A

and checks its exit code and its "result #k: matches" lines. Prints one
line per failing model (seed, index, what it was, and the commands that
reproduce it), then `random models: N run, F failed (seed S)`, and exits 1
if any failed.

Model i's draws come from its own seed, the i-th draw of random.Random(S),
so `--index I` regenerates model I of seed S alone.

Needs NumPy only (Debian's python3-numpy: run it with /usr/bin/python3).
"""

import argparse
import concurrent.futures
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import threading
import time

import numpy as np

# No __pycache__ in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference as ref  # noqa: E402

# |got - want| <= atol + rtol * |want|, float32 results of float64 references.
TOL = (1e-4, 1e-5)
# The recurrent layers: the float32 rounding of each step's state feeds the
# next step, so the error grows with the number of steps (the same tolerance
# as the PyTorch-generated tests in test/Integration/Generated).
RNN_TOL = (1e-4, 2e-5)
# A gather and an argmax do no arithmetic: their results must be exact,
# in f32 and f64 alike.
EXACT_TOL = (0.0, 0.0)
# f64 models: the reference is exact to ~1e-15 and s2s's f64 code has no
# approximations; 1e-9 leaves room for long recurrences and reassociation.
F64_TOL = (1e-9, 1e-10)

# Sizes. Batch, time and key lengths hit 0 and 1 often; feature sizes >= 1.
LENGTHS = [0, 1, 1, 2, 3, 5, 7]
LONG_LENGTHS = [0, 1, 2, 3, 5, 7, 11, 16]
FEATURES = [1, 1, 2, 3, 4, 5, 7, 8, 9, 16]
# Now and then a size past a vector register, a register block or the
# default attention block (128), odd or not.
BIG_LENGTHS = [17, 33, 64, 130]
BIG_FEATURES = [17, 31, 32, 33, 64, 65]


def length(rng, long=False):
    if long and rng.random() < 0.08:
        return rng.choice(BIG_LENGTHS)
    return rng.choice(LONG_LENGTHS if long else LENGTHS)


def feature(rng):
    if rng.random() < 0.08:
        return rng.choice(BIG_FEATURES)
    return rng.choice(FEATURES)

# Retries of an s2s-run that could not start (see run_one): per model, and
# in all (so that a build that stays broken fails the run in minutes).
LOADER_RETRIES = 6
LOADER_RETRY_SECONDS = 20
LOADER_RETRY_BUDGET = [15]

ELEMENT_TYPES = {"float32": "f32", "float64": "f64", "int64": "i64",
                 "int32": "i32", "bool": "i1"}


def tensor_type(a, dynamic=()):
    """The tensor type of array `a`, with the dimensions `dynamic` as `?`."""
    dims = "".join("?x" if i in dynamic else f"{d}x"
                   for i, d in enumerate(a.shape))
    return f"tensor<{dims}{ELEMENT_TYPES[str(a.dtype)]}>"


def float_literal(value):
    """An MLIR float literal (which needs a '.' before any exponent)."""
    text = repr(float(value))
    mantissa, e, exponent = text.partition("e")
    if "." not in mantissa:
        mantissa += ".0"
    return mantissa + e + exponent


class Model:
    """One op applied to the function's arguments, in operand order.

    `dims[name]` lists the dimensions of argument or result `name` that the
    op lets be dynamic (batch and sequence ones); a dynamic model
    (`dynamic`, drawn by generate()) writes them `?`, so that the same
    inputs and references test the dynamic-shape lowering.
    """

    def __init__(self, desc):
        self.desc = desc
        self.inputs = []    # (name, array), the function's arguments
        self.results = []   # (name, array), the expected results
        self.op = None      # the op's text up to the ':'
        self.tol = TOL
        self.dims = {}
        self.dynamic = False

    def arg(self, name, array, dims=()):
        self.inputs.append((name, array))
        self.dims[name] = tuple(dims)
        return "%" + name

    def type_of(self, name, array):
        return tensor_type(array,
                           self.dims.get(name, ()) if self.dynamic else ())

    def mlir(self):
        args = ", ".join(f"%{n}: {self.type_of(n, a)}"
                         for n, a in self.inputs)
        in_types = ", ".join(self.type_of(n, a) for n, a in self.inputs)
        out_types = [self.type_of(n, a) for n, a in self.results]
        ret = out_types[0] if len(out_types) == 1 else \
            "(" + ", ".join(out_types) + ")"
        names = ", ".join("%" + n for n, _ in self.results)
        return (f"// {self.desc}\n"
                f"func.func @main({args}) -> {ret} {{\n"
                f"  {names} = {self.op}\n"
                f"      : ({in_types}) -> {ret}\n"
                f"  return {names} : {', '.join(out_types)}\n"
                f"}}\n")


# The float type of the model being generated (generate() sets it; models
# are generated one at a time, under GENERATE_LOCK).
FLOAT = np.float32


def fp(a):
    """`a` in the model's float type (references: rounded once)."""
    return np.asarray(a, dtype=FLOAT)


def uniform(nrng, shape, bound):
    return fp(nrng.uniform(-bound, bound, size=shape))


def normal(nrng, shape, std=1.0):
    return fp(nrng.standard_normal(size=shape) * std)


#===----------------------------------------------------------------------===#
# Generators, one per op
#===----------------------------------------------------------------------===#


def gen_recurrent(rng, nrng, cell):
    T = length(rng, long=True)
    B = length(rng)
    I = feature(rng)
    H = feature(rng)
    direction = rng.choice(["forward", "reverse", "bidirectional"])
    D = 2 if direction == "bidirectional" else 1
    G = {"rnn": 1, "lstm": 4, "gru": 3}[cell]
    batch_first = rng.random() < 0.5
    has_bias = rng.random() < 0.7
    has_h0 = rng.random() < 0.6
    has_c0 = cell == "lstm" and rng.random() < 0.6
    # pack_padded_sequence needs every length in [1, T].
    has_lens = rng.random() < 0.5 and (T >= 1 or B == 0)
    lens_type = rng.choice([np.int32, np.int64])
    activation = rng.choice(["tanh", "relu"]) if cell == "rnn" else None
    lbr = rng.random() < 0.5 if cell == "gru" else None
    # ONNX extensions (PyTorch has neither): drawn less often.
    clip = round(rng.uniform(0.5, 3.0), 3) if rng.random() < 0.15 else None
    has_peep = cell == "lstm" and rng.random() < 0.15
    # Larger weights than PyTorch's 1/sqrt(H) init now and then, so that the
    # gates saturate. Not for the Elman RNN over long sequences: with w_hh's
    # spectral radius above 1 its state grows (relu) or turns chaotic (tanh)
    # and amplifies every float32 rounding step after step, so that no
    # float32 implementation stays within the tolerance (seen with relu,
    # T=33, |eig| 1.5: |y| ~ 4600, and NumPy in float32 is as far off).
    big = rng.random() < 1 / 3
    if cell == "rnn" and (activation == "relu" or T > 16):
        big = False
    bound = (1.0 / np.sqrt(H)) * (3.0 if big else 1.0)

    x = normal(nrng, (B, T, I) if batch_first else (T, B, I))
    w_ih = uniform(nrng, (D, G * H, I), bound)
    w_hh = uniform(nrng, (D, G * H, H), bound)
    b_ih = uniform(nrng, (D, G * H), bound) if has_bias else None
    b_hh = uniform(nrng, (D, G * H), bound) if has_bias else None
    h0 = normal(nrng, (D, B, H), 0.5) if has_h0 else None
    c0 = normal(nrng, (D, B, H), 0.5) if has_c0 else None
    peep = uniform(nrng, (D, 3 * H), bound) if has_peep else None
    lens = (np.array([rng.randint(1, T) for _ in range(B)], dtype=lens_type)
            if has_lens else None)

    attrs = [f"T={T} B={B} I={I} H={H} {direction}"]
    if batch_first:
        attrs.append("batch_first")
    for flag, name in [(has_bias, "bias"), (has_h0, "h0"), (has_c0, "c0"),
                       (has_peep, "peepholes")]:
        if flag:
            attrs.append(name)
    if big:
        attrs.append("big-weights")
    if has_lens:
        attrs.append(f"seq_lens={lens.tolist()}:{np.dtype(lens_type).name}")
    if activation:
        attrs.append(activation)
    if lbr is not None:
        attrs.append(f"linear_before_reset={str(lbr).lower()}")
    if clip is not None:
        attrs.append(f"clip={clip}")
    m = Model(f"s2s.{cell} " + " ".join(attrs))
    m.tol = RNN_TOL

    text = f"s2s.{cell} {m.arg('x', x, (0, 1))}, {m.arg('w_ih', w_ih)}, " \
           f"{m.arg('w_hh', w_hh)}"
    if has_bias:
        text += f" b_ih({m.arg('b_ih', b_ih)}) b_hh({m.arg('b_hh', b_hh)})"
    if has_h0:
        text += f" h0({m.arg('h0', h0, (1,))})"
    if has_c0:
        text += f" c0({m.arg('c0', c0, (1,))})"
    if has_peep:
        text += f" peepholes({m.arg('peepholes', peep)})"
    if has_lens:
        text += f" seq_lens({m.arg('seq_lens', lens, (0,))})"
    text += f" hidden_size({H})"
    if direction != "forward" or rng.random() < 0.2:
        text += f" direction {direction}"
    if cell == "rnn" and (activation != "tanh" or rng.random() < 0.2):
        text += f" activation {activation}"
    if batch_first:
        text += " batch_first"
    if clip is not None:
        text += f" clip({float_literal(clip)})"
    if cell == "gru" and (not lbr or rng.random() < 0.2):
        text += f" linear_before_reset({str(lbr).lower()})"
    m.op = text

    common = dict(hidden_size=H, direction=direction,
                  batch_first=batch_first, clip=clip)
    if cell == "rnn":
        outs = ref.rnn(x, w_ih, w_hh, b_ih, b_hh, h0, lens,
                       activation=activation, **common)
        names = ["y", "h_n"]
    elif cell == "lstm":
        outs = ref.lstm(x, w_ih, w_hh, b_ih, b_hh, h0, c0, peep, lens,
                        **common)
        names = ["y", "h_n", "c_n"]
    else:
        outs = ref.gru(x, w_ih, w_hh, b_ih, b_hh, h0, lens,
                       linear_before_reset=lbr, **common)
        names = ["y", "h_n"]
    m.results = [(n, fp(o)) for n, o in zip(names, outs)]
    m.dims.update(y=(0, 1), h_n=(1,), c_n=(1,))
    return m


def gen_cell(rng, nrng, cell):
    B = length(rng)
    I = feature(rng)
    H = feature(rng)
    G = {"rnn": 1, "lstm": 4, "gru": 3}[cell]
    has_bias = rng.random() < 0.7
    activation = rng.choice(["tanh", "relu"]) if cell == "rnn" else None
    lbr = rng.random() < 0.5 if cell == "gru" else None
    bound = 1.0 / np.sqrt(H)
    x = normal(nrng, (B, I))
    h = normal(nrng, (B, H), 0.5)
    c = normal(nrng, (B, H), 0.5)
    w_ih = uniform(nrng, (G * H, I), bound)
    w_hh = uniform(nrng, (G * H, H), bound)
    b_ih = uniform(nrng, (G * H,), bound) if has_bias else None
    b_hh = uniform(nrng, (G * H,), bound) if has_bias else None

    attrs = [f"B={B} I={I} H={H}"]
    if has_bias:
        attrs.append("bias")
    if activation:
        attrs.append(activation)
    if lbr is not None:
        attrs.append(f"linear_before_reset={str(lbr).lower()}")
    m = Model(f"s2s.{cell}_cell " + " ".join(attrs))
    text = f"s2s.{cell}_cell {m.arg('x', x, (0,))}, {m.arg('h', h, (0,))}, "
    if cell == "lstm":
        text += f"{m.arg('c', c, (0,))}, "
    text += f"{m.arg('w_ih', w_ih)}, {m.arg('w_hh', w_hh)}"
    if has_bias:
        text += f" b_ih({m.arg('b_ih', b_ih)}) b_hh({m.arg('b_hh', b_hh)})"
    if cell == "rnn" and activation != "tanh":
        text += f" activation {activation}"
    if cell == "gru" and not lbr:
        text += " linear_before_reset(false)"
    m.op = text
    if cell == "rnn":
        m.results = [("h_next", fp(ref.rnn_cell(x, h, w_ih, w_hh, b_ih,
                                                 b_hh, activation)))]
    elif cell == "lstm":
        hn, cn = ref.lstm_cell(x, h, c, w_ih, w_hh, b_ih, b_hh)
        m.results = [("h_next", fp(hn)), ("c_next", fp(cn))]
    else:
        m.results = [("h_next", fp(ref.gru_cell(x, h, w_ih, w_hh, b_ih,
                                                 b_hh, lbr)))]
    m.dims.update(h_next=(0,), c_next=(0,))
    return m


def gen_sdpa(rng, nrng):
    B = length(rng)
    Hkv = rng.choice([1, 1, 2, 3])
    H = Hkv * rng.choice([1, 1, 2, 3])
    Tq = length(rng, long=True)
    Tk = length(rng, long=True)
    D = feature(rng)
    Dv = D if rng.random() < 0.6 else feature(rng)
    causal = rng.random() < 0.4
    mask_kind = rng.choice([None, None, "bool", "float"])
    neg_inf = mask_kind == "float" and rng.random() < 0.3
    scale = None if rng.random() < 0.5 else round(rng.uniform(0.05, 1.5), 4)

    q = normal(nrng, (B, H, Tq, D))
    k = normal(nrng, (B, Hkv, Tk, D))
    v = normal(nrng, (B, Hkv, Tk, Dv))
    mask = None
    if mask_kind:
        full = (B, H, Tq, Tk)
        rank = rng.randint(2, 4)
        shape = tuple(d if rng.random() < 0.6 else 1
                      for d in full[4 - rank:])
        if mask_kind == "bool":
            mask = nrng.random(shape) < rng.choice([0.5, 0.8, 0.95])
        else:
            mask = normal(nrng, shape, 2.0)
            if neg_inf:
                mask[nrng.random(shape) < 0.3] = -np.inf

    attrs = [f"B={B} H={H} Hkv={Hkv} Tq={Tq} Tk={Tk} D={D} Dv={Dv}"]
    if mask is not None:
        attrs.append(f"mask={mask_kind}{list(mask.shape)}")
        if neg_inf:
            attrs.append("with-inf")
    if scale is not None:
        attrs.append(f"scale={scale}")
    if causal:
        attrs.append("causal")
    m = Model("s2s.scaled_dot_product_attention " + " ".join(attrs))
    text = (f"s2s.scaled_dot_product_attention {m.arg('query', q, (0, 2))}, "
            f"{m.arg('key', k, (0, 2))}, {m.arg('value', v, (0, 2))}")
    if mask is not None:
        # Aligned right with [B, H, Tq, Tk]: a dimension written 1
        # broadcasts, the heads are static like the query's; the others may
        # be `?`.
        heads = mask.ndim - 3
        mask_dims = [i for i, d in enumerate(mask.shape)
                     if d != 1 and i != heads]
        text += f" mask({m.arg('mask', mask, mask_dims)})"
    if scale is not None:
        text += f" scale({float_literal(scale)})"
    if causal:
        text += " causal"
    m.op = text
    m.results = [("out", fp(ref.scaled_dot_product_attention(
        q, k, v, mask, scale, causal)))]
    m.dims["out"] = (0, 2)
    return m


def gen_linear(rng, nrng):
    rank = rng.randint(1, 4)
    lead = [length(rng) for _ in range(rank - 1)]
    In = feature(rng)
    Out = feature(rng)
    has_bias = rng.random() < 0.6
    x = normal(nrng, tuple(lead) + (In,))
    w = uniform(nrng, (Out, In), 1.0 / np.sqrt(In))
    b = uniform(nrng, (Out,), 1.0 / np.sqrt(In)) if has_bias else None
    m = Model(f"s2s.linear input={list(x.shape)} Out={Out}"
              + (" bias" if has_bias else ""))
    text = (f"s2s.linear {m.arg('input', x, range(rank - 1))}, "
            f"{m.arg('weight', w)}")
    if has_bias:
        text += f", {m.arg('bias', b)}"
    m.op = text
    m.results = [("output", fp(ref.linear(x, w, b)))]
    m.dims["output"] = tuple(range(rank - 1))
    return m


def gen_layer_norm(rng, nrng):
    rank = rng.randint(1, 4)
    k = rng.randint(1, rank)
    lead = [length(rng) for _ in range(rank - k)]
    norm = [feature(rng) for _ in range(k)]
    if int(np.prod(norm)) > 4096:
        norm = [rng.choice(FEATURES) for _ in range(k)]
    has_w = rng.random() < 0.6
    has_b = rng.random() < 0.6
    eps = rng.choice([None, None, 1e-3, 1e-6, 0.1])
    x = normal(nrng, tuple(lead + norm), rng.choice([1.0, 10.0]))
    x = x + fp(rng.choice([0.0, 0.0, 5.0]))
    w = normal(nrng, tuple(norm)) if has_w else None
    b = normal(nrng, tuple(norm)) if has_b else None
    desc = f"s2s.layer_norm input={list(x.shape)} normalized_shape={norm}"
    desc += (" weight" if has_w else "") + (" bias" if has_b else "")
    if eps is not None:
        desc += f" eps={eps}"
    m = Model(desc)
    text = f"s2s.layer_norm {m.arg('input', x, range(rank - k))}"
    if has_w:
        text += f" weight({m.arg('weight', w)})"
    if has_b:
        text += f" bias({m.arg('bias', b)})"
    text += f" normalized_shape([{', '.join(map(str, norm))}])"
    if eps is not None:
        text += f" eps({float_literal(eps)})"
    m.op = text
    out = ref.layer_norm(x, norm, w, b, 1e-5 if eps is None else eps)
    m.results = [("output", fp(out))]
    m.dims["output"] = tuple(range(rank - k))
    return m


def float_mask(rng, nrng, shape):
    """An additive float mask, now and then with -inf entries."""
    mask = normal(nrng, shape, 2.0)
    neg_inf = rng.random() < 0.3
    if neg_inf:
        mask[nrng.random(shape) < 0.3] = -np.inf
    return mask, neg_inf


def gen_attention(rng, nrng):
    score = rng.choice(["dot", "general", "additive"])
    B = length(rng)
    Tq = length(rng, long=True)
    Tk = length(rng, long=True)
    Dq = feature(rng)
    Dk = Dq if score == "dot" or rng.random() < 0.4 else feature(rng)
    Dv = Dq if rng.random() < 0.4 else feature(rng)
    A = feature(rng) if score == "additive" else None
    has_mask = rng.random() < 0.5

    q = normal(nrng, (B, Tq, Dq))
    k = normal(nrng, (B, Tk, Dk))
    val = normal(nrng, (B, Tk, Dv))
    w = (uniform(nrng, (Dq, Dk), 1.0 / np.sqrt(Dk))
         if score == "general" else None)
    w_query = w_keys = v = None
    if score == "additive":
        w_query = uniform(nrng, (A, Dq), 1.0 / np.sqrt(Dq))
        w_keys = uniform(nrng, (A, Dk), 1.0 / np.sqrt(Dk))
        # Now and then a larger v: peaked weights.
        v = uniform(nrng, (A,), rng.choice([1.0, 4.0]) / np.sqrt(A))
    mask = None
    if has_mask:
        # Each dimension of [B, Tq, Tk] full or 1 (broadcast); [B, 1, Tk]
        # is a source padding mask.
        shape = tuple(d if rng.random() < 0.6 else 1 for d in (B, Tq, Tk))
        mask = nrng.random(shape) < rng.choice([0.5, 0.8, 0.95])

    attrs = [f"B={B} Tq={Tq} Tk={Tk} Dq={Dq} Dk={Dk} Dv={Dv}"]
    if A is not None:
        attrs.append(f"A={A}")
    if mask is not None:
        attrs.append(f"mask={list(mask.shape)}")
    m = Model(f"s2s.attention {score} " + " ".join(attrs))
    text = (f"s2s.attention {score} {m.arg('query', q, (0, 1))}, "
            f"{m.arg('keys', k, (0, 1))}, {m.arg('values', val, (0, 1))}")
    if score == "general":
        text += f" w({m.arg('w', w)})"
    if score == "additive":
        text += (f" w_query({m.arg('w_query', w_query)})"
                 f" w_keys({m.arg('w_keys', w_keys)}) v({m.arg('v', v)})")
    if mask is not None:
        # A dimension written 1 broadcasts; the others may be `?`.
        text += (" mask(" + m.arg('mask', mask, [
            i for i, d in enumerate(mask.shape) if d != 1]) + ")")
    m.op = text
    ctx, weights = ref.attention(q, k, val, score, w, w_query, w_keys, v,
                                 mask)
    m.results = [("ctx", fp(ctx)), ("weights", fp(weights))]
    m.dims.update(ctx=(0, 1), weights=(0, 1, 2))
    return m


def gen_mha(rng, nrng):
    B = length(rng)
    Tq = length(rng, long=True)
    cross = rng.random() < 0.5
    Tk = length(rng, long=True) if cross else Tq
    heads = rng.choice([1, 1, 2, 3, 4])
    head_dim = feature(rng)
    if heads * head_dim > 128:
        head_dim = rng.choice(FEATURES)
    E = heads * head_dim
    # kdim / vdim other than E need separate projection weights.
    Ek = E if not cross or rng.random() < 0.5 else feature(rng)
    Ev = E if not cross or rng.random() < 0.5 else feature(rng)
    packed = Ek == E and Ev == E and rng.random() < 0.6
    has_in_bias = rng.random() < 0.7
    has_out_bias = rng.random() < 0.7
    kpm_kind = rng.choice([None, None, "bool", "float"])
    am_kind = rng.choice([None, None, "bool", "float"])
    am_rank = rng.choice([2, 3])
    causal = rng.random() < 0.3
    batch_first = rng.random() < 0.5
    need_weights = rng.random() < 0.5

    def seq(T, F):
        return normal(nrng, (B, T, F) if batch_first else (T, B, F))

    query = seq(Tq, E)
    key = seq(Tk, Ek) if cross else None
    value = seq(Tk, Ev) if cross else None
    bound = 1.0 / np.sqrt(E)
    w_in = uniform(nrng, (3 * E, E), bound) if packed else None
    w_q = uniform(nrng, (E, E), bound) if not packed else None
    w_k = uniform(nrng, (E, Ek), 1.0 / np.sqrt(Ek)) if not packed else None
    w_v = uniform(nrng, (E, Ev), 1.0 / np.sqrt(Ev)) if not packed else None
    b_in = uniform(nrng, (3 * E,), bound) if has_in_bias else None
    w_out = uniform(nrng, (E, E), bound)
    b_out = uniform(nrng, (E,), bound) if has_out_bias else None
    masks = {}
    inf_masks = []
    for name, kind, shape in [
            ("key_padding_mask", kpm_kind, (B, Tk)),
            ("attn_mask", am_kind,
             (Tq, Tk) if am_rank == 2 else (B * heads, Tq, Tk))]:
        if kind == "bool":
            masks[name] = nrng.random(shape) < rng.choice([0.5, 0.8, 0.95])
        elif kind == "float":
            masks[name], neg_inf = float_mask(rng, nrng, shape)
            if neg_inf:
                inf_masks.append(name)

    attrs = [f"B={B} Tq={Tq} Tk={Tk} E={E} heads={heads}"]
    attrs.append(f"cross Ek={Ek} Ev={Ev}" if cross else "self")
    attrs.append("packed" if packed else "separate")
    if has_in_bias:
        attrs.append("in_proj_bias")
    if has_out_bias:
        attrs.append("out_proj_bias")
    for name, mask in masks.items():
        kind = "bool" if mask.dtype == np.bool_ else "float"
        attrs.append(f"{name}={kind}{list(mask.shape)}"
                     + ("-with-inf" if name in inf_masks else ""))
    for flag, name in [(batch_first, "batch_first"), (causal, "causal"),
                       (need_weights, "need_weights")]:
        if flag:
            attrs.append(name)
    m = Model("s2s.multi_head_attention " + " ".join(attrs))
    text = f"s2s.multi_head_attention {m.arg('query', query, (0, 1))}"
    if cross:
        text += (f", {m.arg('key', key, (0, 1))}, "
                 f"{m.arg('value', value, (0, 1))}")
    if packed:
        text += f" in_proj_weight({m.arg('in_proj_weight', w_in)})"
    else:
        text += (f" q_proj_weight({m.arg('q_proj_weight', w_q)})"
                 f" k_proj_weight({m.arg('k_proj_weight', w_k)})"
                 f" v_proj_weight({m.arg('v_proj_weight', w_v)})")
    if has_in_bias:
        text += f" in_proj_bias({m.arg('in_proj_bias', b_in)})"
    text += f" out_proj_weight({m.arg('out_proj_weight', w_out)})"
    if has_out_bias:
        text += f" out_proj_bias({m.arg('out_proj_bias', b_out)})"
    for name, mask in masks.items():
        # Not broadcast: every dimension is B (B * heads), Tq or Tk, and
        # may be `?`.
        text += f" {name}({m.arg(name, mask, range(mask.ndim))})"
    text += f" num_heads({heads})"
    for flag, name in [(batch_first, "batch_first"), (causal, "causal"),
                       (need_weights, "need_weights")]:
        if flag:
            text += " " + name
    m.op = text
    out, avg = ref.multi_head_attention(
        query, key, value, w_in, w_q, w_k, w_v, b_in, w_out, b_out,
        masks.get("key_padding_mask"), masks.get("attn_mask"),
        num_heads=heads, batch_first=batch_first, causal=causal)
    m.results = [("out", fp(out))]
    if need_weights:
        m.results.append(("avg_weights", fp(avg)))
    m.dims.update(out=(0, 1), avg_weights=(0, 1, 2))
    return m


def gen_embedding(rng, nrng):
    rank = rng.choice([0, 1, 1, 2, 2, 3, 4])
    shape = tuple(length(rng, long=i == rank - 1) for i in range(rank))
    E = feature(rng)
    V = feature(rng) if rng.random() < 0.8 else rng.choice([100, 1000])
    index_type = rng.choice([np.int32, np.int64])
    count = int(np.prod(shape))
    # An empty table only takes no indices, and only if their shape says
    # so statically (the verifier): such indices stay static.
    empty = count == 0 and rank > 0 and rng.random() < 0.25
    if empty:
        V = 0
    indices = nrng.integers(0, max(V, 1), size=shape).astype(index_type)
    if count >= 2 and rng.random() < 0.5:
        indices.flat[0] = 0            # the first and the last row
        indices.flat[-1] = V - 1
    weight = normal(nrng, (V, E))
    m = Model(f"s2s.embedding indices={list(shape)}:"
              f"{np.dtype(index_type).name} V={V} E={E}")
    m.tol = EXACT_TOL
    dynamic = () if empty else range(rank)
    m.op = (f"s2s.embedding {m.arg('indices', indices, dynamic)}, "
            f"{m.arg('weight', weight)}")
    m.results = [("output", fp(ref.embedding(indices, weight)))]
    m.dims["output"] = tuple(dynamic)
    return m


def gen_argmax(rng, nrng):
    rank = rng.randint(1, 4)
    shape = [length(rng) for _ in range(rank)]
    d = rng.randrange(rank)
    # The reduced dimension must not be empty (the verifier); now and then
    # as long as a vocabulary.
    shape[d] = feature(rng) if rng.random() < 0.9 else rng.choice([130, 1000])
    dim = d if rng.random() < 0.5 else d - rank
    keepdim = rng.random() < 0.4
    values = rng.choice(["normal", "ties", "ties", "special"])
    if values == "normal":
        x = normal(nrng, shape)
    else:
        # Small integers: equal maxima everywhere (the first one wins).
        x = fp(nrng.integers(-2, rng.choice([-1, 1, 3, 10]), size=shape))
        if values == "special":
            # NaN (larger than anything: the first NaN wins), +-inf, and
            # -0.0 against 0.0 (equal: the first wins).
            for special in [np.nan, np.inf, -np.inf, -0.0, 0.0]:
                x[nrng.random(shape) < rng.choice([0.0, 0.05, 0.2])] = \
                    special
    m = Model(f"s2s.argmax input={shape} dim={dim} {values}"
              + (" keepdim" if keepdim else ""))
    m.tol = EXACT_TOL
    text = f"s2s.argmax {m.arg('input', x, range(rank))} dim({dim})"
    if keepdim:
        text += " keepdim"
    m.op = text
    m.results = [("output", ref.argmax(x, dim, keepdim))]
    # With keepdim the reduced dimension is a static 1.
    m.dims["output"] = (tuple(i for i in range(rank) if i != d) if keepdim
                        else tuple(range(rank - 1)))
    return m


# (weight, generator): the whole-sequence layers and attention most often.
GENERATORS = [
    (3, lambda r, n: gen_recurrent(r, n, "rnn")),
    (3, lambda r, n: gen_recurrent(r, n, "lstm")),
    (3, lambda r, n: gen_recurrent(r, n, "gru")),
    (1, lambda r, n: gen_cell(r, n, "rnn")),
    (1, lambda r, n: gen_cell(r, n, "lstm")),
    (1, lambda r, n: gen_cell(r, n, "gru")),
    (4, gen_sdpa),
    (2, gen_linear),
    (2, gen_layer_norm),
    (3, gen_attention),
    (3, gen_mha),
    (1, gen_embedding),
    (1, gen_argmax),
]


def generate(model_seed):
    global FLOAT
    # One model in five in f64 (which s2s computes without the polynomial
    # approximations of exp/tanh that f32 gets), drawn from a stream of its
    # own: the f64 model is the f32 one with the same shapes and attributes.
    f64 = random.Random(model_seed ^ 0xf64f64).random() < 0.2
    FLOAT = np.float64 if f64 else np.float32
    rng = random.Random(model_seed)
    nrng = np.random.default_rng(model_seed)
    gens = [g for _, g in GENERATORS]
    weights = [w for w, _ in GENERATORS]
    m = rng.choices(gens, weights)[0](rng, nrng)
    if f64:
        m.desc += " f64"
        if m.tol != EXACT_TOL:
            m.tol = F64_TOL
    # One model in three with its batch and sequence dimensions written
    # `?` (the same inputs and references), from a stream of its own.
    if random.Random(model_seed ^ 0xd1a).random() < 1 / 3:
        m.dynamic = True
        m.desc += " dynamic"
    FLOAT = np.float32
    return m


# --random-pipeline-options: each model also draws options of the s2s-to-llvm
# pipeline (include/s2s/Transforms/Pipelines.h): optimizations switched off,
# and small, odd block sizes, so that the blocked and tiled code paths
# (several attention blocks, partial register blocks, ...) run at the small
# sizes above. Drawn from a stream of their own: the models stay the same.
PIPELINE_SWITCHES = ["hoist-rnn-input", "tile-attention", "fuse-rnn-steps",
                     "fuse-elementwise", "approximate-math", "plan-buffers",
                     "lower-contractions", "pack-qkv", "check-values"]
PIPELINE_SIZES = {
    "attention-block-q": [1, 2, 3, 5, 8, 128],
    "attention-block-k": [1, 2, 3, 5, 8, 128],
    "rnn-block-units": [0, 1, 2, 3, 5, 8],
    "rnn-block-rows": [0, 1, 2, 3, 8],
    "dot-block-cols": [1, 3, 8, 16, 64],
    "pack-min-rows": [0, 1, 2, 64],
    "pack-depth": [1, 3, 8, 256],
    "pack-cols": [1, 3, 8, 256],
    "vector-bits": [0, 128, 256, 512],
}


def draw_pipeline_options(model_seed):
    rng = random.Random(model_seed ^ 0x5eed5eed)
    opts = [f"{name}=false" for name in PIPELINE_SWITCHES
            if rng.random() < 0.15]
    for name, values in PIPELINE_SIZES.items():
        if rng.random() < 0.5:
            opts.append(f"{name}={rng.choice(values)}")
    if rng.random() < 0.2:
        opts += ["threads=2", "parallel-min-flops=0",
                 "rnn-parallel-min-flops=0"]
    return " ".join(opts)


def model_seeds(seed, count):
    master = random.Random(seed)
    return [master.getrandbits(48) for _ in range(count)]


#===----------------------------------------------------------------------===#
# Running
#===----------------------------------------------------------------------===#


GENERATE_LOCK = threading.Lock()


def run_one(args, index, model_seed):
    """Writes and runs model `index`; returns None or a failure message."""
    with GENERATE_LOCK:  # generate() sets the global FLOAT
        m = generate(model_seed)
    d = os.path.join(args.workdir, f"seed{args.seed}-model{index}")
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, "model.mlir")
    with open(path, "w") as f:
        f.write(m.mlir())
    cmd = [args.s2s_run, path]
    for name, a in m.inputs:
        p = os.path.join(d, f"{name}.npy")
        np.save(p, np.asarray(a, order="C"))
        cmd.append(f"--input={p}")
    for name, a in m.results:
        p = os.path.join(d, f"want_{name}.npy")
        np.save(p, np.asarray(a, order="C"))
        cmd.append(f"--expect={p}")
    rtol, atol = m.tol
    cmd += [f"--rtol={rtol}", f"--atol={atol}", "--quiet"]
    options = args.pipeline_options
    if args.random_pipeline_options:
        options = (draw_pipeline_options(model_seed) + " " + options).strip()
    if options:
        cmd.append(f"--pipeline-options={options}")
    for attempt in range(LOADER_RETRIES + 1):
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True,
                                  timeout=args.timeout)
            rc, out = proc.returncode, proc.stdout + proc.stderr
        except subprocess.TimeoutExpired:
            rc, out = "timeout", ""
        except OSError as e:
            rc, out = 127, f"could not start {args.s2s_run}: {e}"
        # A build tree being relinked while a long run uses it: s2s-run or
        # one of its libraries is missing or half-written. Not a result of
        # the model; wait for the build and run again.
        if not (rc == 127 or "error while loading shared libraries" in out
                or "Text file busy" in out):
            break
        with GENERATE_LOCK:
            if LOADER_RETRY_BUDGET[0] <= 0 or attempt == LOADER_RETRIES:
                break
            LOADER_RETRY_BUDGET[0] -= 1
        time.sleep(LOADER_RETRY_SECONDS)
    problem = None
    if rc != 0:
        problem = f"exit code {rc}"
    else:
        for k, (name, _) in enumerate(m.results):
            if not re.search(rf"^result #{k}: matches .*want_{name}\.npy",
                             out, re.M):
                problem = f"no 'result #{k}: matches' line"
                break
    if problem is None:
        if not args.keep_all:
            shutil.rmtree(d, ignore_errors=True)
        return None
    detail = " | ".join(line.strip() for line in out.strip().splitlines()[:4])
    repro = (f"{shlex.quote(sys.executable)} {shlex.quote(os.path.abspath(__file__))}"
             f" --seed {args.seed} --index {index}"
             f" --s2s-run {shlex.quote(args.s2s_run)}"
             f" --workdir {shlex.quote(args.workdir)} --keep-failures")
    if args.random_pipeline_options:
        repro += " --random-pipeline-options"
    if args.pipeline_options:
        repro += " " + shlex.quote(
            f"--pipeline-options={args.pipeline_options}")
    if options:
        problem += f" (pipeline options '{options}')"
    msg = (f"FAIL seed {args.seed} model {index}: {m.desc}: {problem}"
           f"{': ' + detail if detail else ''}\n  reproduce: {repro}")
    if args.keep_failures:
        msg += "\n  or directly: " + " ".join(shlex.quote(c) for c in cmd)
    else:
        shutil.rmtree(d, ignore_errors=True)
    return msg


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--count", type=int, default=100)
    p.add_argument("--index", type=int, action="append",
                   help="run only model INDEX of the seed (repeatable)")
    p.add_argument("--s2s-run", default="s2s-run")
    p.add_argument("--workdir", required=True)
    p.add_argument("--keep-failures", action="store_true",
                   help="keep the model and .npy files of failing models")
    p.add_argument("--keep-all", action="store_true",
                   help="keep the files of every model")
    p.add_argument("--jobs", type=int, default=1,
                   help="models run at the same time")
    p.add_argument("--timeout", type=float, default=120)
    p.add_argument("--pipeline-options", default="",
                   help="passed to s2s-run --pipeline-options")
    p.add_argument("--random-pipeline-options", action="store_true",
                   help="draw pipeline options per model (see "
                   "draw_pipeline_options)")
    p.add_argument("--list", action="store_true",
                   help="print what each model is and run nothing")
    args = p.parse_args()
    args.keep_failures = args.keep_failures or args.keep_all

    count = args.count
    if args.index:
        count = max(count, max(args.index) + 1)
    seeds = model_seeds(args.seed, count)
    indices = args.index if args.index else list(range(args.count))
    if args.list:
        for i in indices:
            print(f"{i}: {generate(seeds[i]).desc}")
        return 0
    if not (shutil.which(args.s2s_run) or os.path.exists(args.s2s_run)):
        p.error(f"--s2s-run: no executable {args.s2s_run}")
    os.makedirs(args.workdir, exist_ok=True)
    np.seterr(all="ignore")
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        results = list(pool.map(lambda i: run_one(args, i, seeds[i]),
                                indices))
    failures = [r for r in results if r]
    for r in failures:
        print(r)
    print(f"random models: {len(indices)} run, {len(failures)} failed "
          f"(seed {args.seed})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

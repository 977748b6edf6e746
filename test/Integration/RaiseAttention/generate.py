#!/usr/bin/env python3
"""Generates the attention tests written in plain linalg/arith/tensor ops.

Each case is one `func.func @main` computing softmax(mask(scale(Q K^T))) V
the way models imported from other frameworks spell it (linalg contractions,
one elementwise linalg.generic per op, linalg.softmax or its decomposition,
repeated K/V heads). The tests run the whole s2s-to-llvm pipeline: with
raise-attention on (the default) the chain becomes
s2s.scaled_dot_product_attention and takes its lowering; with
`raise-attention=false` (a variant of `./build.sh test`) the linalg ops are
compiled as written. Both must match the reference.

Writes, deterministically (a seed per case name),

  Inputs/<case>/<name>.npy   inputs and the expected output
  <case>.mlir                the test

References are computed in float64 with numpy from the float32 inputs and
stored as float32. Needs numpy only to re-run:
`/usr/bin/python3 test/Integration/RaiseAttention/generate.py`.
"""

import math
import os
import shutil
import zlib

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
RTOL, ATOL = 1e-4, 1e-5
NEG_INF = "0xFF800000"


def ttype(shape, elt="f32"):
    return "tensor<%s%s>" % ("".join("%dx" % d for d in shape), elt)


def amap(rank, results):
    dims = ", ".join("d%d" % i for i in range(rank))
    return "affine_map<(%s) -> (%s)>" % (dims, ", ".join(results))


def identity(rank):
    return amap(rank, ["d%d" % i for i in range(rank)])


def right_aligned(rank, shape):
    """The map reading a tensor of `shape` broadcast (aligned right) to a
    rank-`rank` iteration space: size-1 dimensions read at index 0."""
    off = rank - len(shape)
    return amap(rank, ["0" if s == 1 else "d%d" % (off + i)
                       for i, s in enumerate(shape)])


class Func:
    """Emits the body of a function in SSA form."""

    def __init__(self):
        self.lines = []
        self.n = 0

    def fresh(self, hint="t"):
        self.n += 1
        return "%%%s%d" % (hint, self.n)

    def emit(self, text):
        self.lines.append(text)

    def const_f32(self, value):
        v = self.fresh("cst")
        self.emit("%s = arith.constant %s : f32" % (v, fmt(value)))
        return v

    def empty(self, shape, elt="f32"):
        v = self.fresh("empty")
        self.emit("%s = tensor.empty() : %s" % (v, ttype(shape, elt)))
        return v

    def fill(self, shape, value):
        c = self.const_f32(value)
        e = self.empty(shape)
        v = self.fresh("fill")
        self.emit("%s = linalg.fill ins(%s : f32) outs(%s : %s) -> %s"
                  % (v, c, e, ttype(shape), ttype(shape)))
        return v

    def dense(self, shape, value):
        v = self.fresh("cst")
        self.emit("%s = arith.constant dense<%s> : %s"
                  % (v, fmt(value), ttype(shape)))
        return v

    def named_matmul(self, op, a, ashape, b, bshape, out_shape):
        z = self.fill(out_shape, 0.0)
        v = self.fresh("mm")
        self.emit("%s = linalg.%s ins(%s, %s : %s, %s) outs(%s : %s) -> %s"
                  % (v, op, a, b, ttype(ashape), ttype(bshape), z,
                     ttype(out_shape), ttype(out_shape)))
        return v

    def contraction4(self, a, ashape, b, bshape, out_shape, b_transposed):
        """[B, H, M, K] x [B, H, K, N] (or [B, H, N, K]) as linalg.generic."""
        z = self.fill(out_shape, 0.0)
        v = self.fresh("mm")
        bmap = ["d0", "d1", "d3", "d4"] if b_transposed else \
            ["d0", "d1", "d4", "d3"]
        self.emit(
            "%s = linalg.generic {indexing_maps = [%s, %s, %s], "
            "iterator_types = [\"parallel\", \"parallel\", \"parallel\", "
            "\"parallel\", \"reduction\"]} ins(%s, %s : %s, %s) outs(%s : %s) "
            "{\n^bb0(%%a: f32, %%b: f32, %%acc: f32):\n"
            "  %%p = arith.mulf %%a, %%b : f32\n"
            "  %%s = arith.addf %%acc, %%p : f32\n"
            "  linalg.yield %%s : f32\n} -> %s"
            % (v, amap(5, ["d0", "d1", "d2", "d4"]), amap(5, bmap),
               amap(5, ["d0", "d1", "d2", "d3"]), a, b, ttype(ashape),
               ttype(bshape), z, ttype(out_shape), ttype(out_shape)))
        return v

    def transpose_last2(self, x, shape):
        perm = list(range(len(shape)))
        perm[-2], perm[-1] = perm[-1], perm[-2]
        out_shape = [shape[p] for p in perm]
        e = self.empty(out_shape)
        v = self.fresh("tr")
        self.emit("%s = linalg.transpose ins(%s : %s) outs(%s : %s) "
                  "permutation = [%s]" % (v, x, ttype(shape), e,
                                          ttype(out_shape),
                                          ", ".join(map(str, perm))))
        return v, out_shape

    def elementwise(self, out_shape, ins, body, out_elt="f32"):
        """One linalg.generic: `ins` is a list of (value, shape, elt);
        `body(args)` returns (lines, result) over the block arguments."""
        rank = len(out_shape)
        e = self.empty(out_shape, out_elt)
        v = self.fresh("ew")
        maps = [i[3] if len(i) > 3 else
                right_aligned(rank, i[1]) if i[1] else amap(rank, [])
                for i in ins] + [identity(rank)]
        ins = [i[:3] for i in ins]
        args = ["%%in%d" % i for i in range(len(ins))]
        lines, res = body(args)
        block_args = ", ".join("%s: %s" % (a, elt) for a, (_, _, elt) in
                               zip(args, ins))
        self.emit(
            "%s = linalg.generic {indexing_maps = [%s], iterator_types = "
            "[%s]} ins(%s : %s) outs(%s : %s) {\n^bb0(%s, %%out: %s):\n%s"
            "  linalg.yield %s : %s\n} -> %s"
            % (v, ", ".join(maps), ", ".join(['"parallel"'] * rank),
               ", ".join(x for x, _, _ in ins),
               ", ".join(ttype(s, elt) for _, s, elt in ins), e,
               ttype(out_shape, out_elt), block_args, out_elt,
               "".join("  %s\n" % l for l in lines), res, out_elt,
               ttype(out_shape, out_elt)))
        return v

    def binary(self, op, x, shape, y, yshape):
        return self.elementwise(
            shape, [(x, shape, "f32"), (y, yshape, "f32")],
            lambda a: (["%%r = arith.%s %s, %s : f32" % (op, a[0], a[1])],
                       "%r"))

    def softmax(self, x, shape):
        e = self.empty(shape)
        v = self.fresh("sm")
        self.emit("%s = linalg.softmax dimension(%d) ins(%s : %s) outs(%s : "
                  "%s) -> %s" % (v, len(shape) - 1, x, ttype(shape), e,
                                 ttype(shape), ttype(shape)))
        return v

    def reduce_last(self, x, shape, init, combiner):
        rank = len(shape)
        rows = shape[:-1]
        f = self.fill(rows, init)
        v = self.fresh("red")
        self.emit(
            "%s = linalg.generic {indexing_maps = [%s, %s], iterator_types "
            "= [%s]} ins(%s : %s) outs(%s : %s) {\n^bb0(%%in: f32, %%acc: "
            "f32):\n  %%r = arith.%s %%in, %%acc : f32\n  linalg.yield %%r "
            ": f32\n} -> %s"
            % (v, identity(rank), amap(rank, ["d%d" % i for i in
                                               range(rank - 1)]),
               ", ".join(['"parallel"'] * (rank - 1) + ['"reduction"']), x,
               ttype(shape), f, ttype(rows), combiner, ttype(rows)))
        return v

    def reduce_last_keepdims(self, x, shape, init, combiner):
        rank = len(shape)
        rows = shape[:-1] + [1]
        f = self.fill(rows, init)
        v = self.fresh("red")
        self.emit(
            "%s = linalg.generic {indexing_maps = [%s, %s], iterator_types "
            "= [%s]} ins(%s : %s) outs(%s : %s) {\n^bb0(%%in: f32, %%acc: "
            "f32):\n  %%r = arith.%s %%acc, %%in : f32\n  linalg.yield %%r "
            ": f32\n} -> %s"
            % (v, identity(rank), right_aligned(rank, rows),
               ", ".join(['"parallel"'] * (rank - 1) + ['"reduction"']), x,
               ttype(shape), f, ttype(rows), combiner, ttype(rows)))
        return v

    def softmax_ops_keepdims(self, x, shape):
        """Softmax as ReduceMax/Sub/Exp/ReduceSum/Div with keepdims, one
        op each."""
        rows = shape[:-1] + [1]
        mx = self.reduce_last_keepdims(x, shape, float("-inf"), "maximumf")
        sub = self.binary("subf", x, shape, mx, rows)
        ex = self.elementwise(shape, [(sub, shape, "f32")],
                              lambda a: (["%%r = math.exp %s : f32" % a[0]],
                                         "%r"))
        sm = self.reduce_last_keepdims(ex, shape, 0.0, "addf")
        return self.binary("divf", ex, shape, sm, rows)

    def decomposed_softmax(self, x, shape):
        """The form linalg.softmax decomposes into: max, exp(x - max) in one
        op, sum, divide."""
        rank = len(shape)
        rows = shape[:-1]
        mx = self.reduce_last(x, shape, float("-inf"), "maxnumf")
        row_map = amap(rank, ["d%d" % i for i in range(rank - 1)])
        e = self.empty(shape)
        ex = self.fresh("exp")
        self.emit(
            "%s = linalg.generic {indexing_maps = [%s, %s, %s], "
            "iterator_types = [%s]} ins(%s, %s : %s, %s) outs(%s : %s) {\n"
            "^bb0(%%in: f32, %%m: f32, %%out: f32):\n"
            "  %%d = arith.subf %%in, %%m : f32\n"
            "  %%x = math.exp %%d : f32\n  linalg.yield %%x : f32\n} -> %s"
            % (ex, identity(rank), row_map, identity(rank),
               ", ".join(['"parallel"'] * rank), x, mx, ttype(shape),
               ttype(rows), e, ttype(shape), ttype(shape)))
        sm = self.reduce_last(ex, shape, 0.0, "addf")
        e2 = self.empty(shape)
        v = self.fresh("sm")
        self.emit(
            "%s = linalg.generic {indexing_maps = [%s, %s, %s], "
            "iterator_types = [%s]} ins(%s, %s : %s, %s) outs(%s : %s) {\n"
            "^bb0(%%in: f32, %%s: f32, %%out: f32):\n"
            "  %%div = arith.divf %%in, %%s : f32\n  linalg.yield %%div : f32\n"
            "} -> %s"
            % (v, identity(rank), row_map, identity(rank),
               ", ".join(['"parallel"'] * rank), ex, sm, ttype(shape),
               ttype(rows), e2, ttype(shape), ttype(shape)))
        return v

    def repeat_heads(self, x, shape, group):
        """[B, Hkv, T, D] -> [B, Hkv * G, T, D], each head G times in a row."""
        b, hkv, t, d = shape
        big = [b, hkv, group, t, d]
        e = self.empty(big)
        bc = self.fresh("bc")
        self.emit("%s = linalg.broadcast ins(%s : %s) outs(%s : %s) "
                  "dimensions = [2]" % (bc, x, ttype(shape), e, ttype(big)))
        v = self.fresh("rep")
        out = [b, hkv * group, t, d]
        self.emit("%s = tensor.collapse_shape %s [[0], [1, 2], [3], [4]] : "
                  "%s into %s" % (v, bc, ttype(big), ttype(out)))
        return v, out

    def repeat_heads_unsqueezed(self, x, shape, group):
        """The same repeat as an importer writes Unsqueeze, Expand and
        Reshape: expand_shape to [B, Hkv, 1, T, D], a broadcasting
        linalg.generic reading index 0 of the unit dimension, collapse."""
        b, hkv, t, d = shape
        unit = [b, hkv, 1, t, d]
        big = [b, hkv, group, t, d]
        u = self.fresh("unsq")
        self.emit("%s = tensor.expand_shape %s [[0], [1, 2], [3], [4]] "
                  "output_shape [%s] : %s into %s"
                  % (u, x, ", ".join(map(str, unit)), ttype(shape),
                     ttype(unit)))
        bc = self.elementwise(big, [(u, unit, "f32")],
                              lambda a: ([], a[0]))
        v = self.fresh("rep")
        out = [b, hkv * group, t, d]
        self.emit("%s = tensor.collapse_shape %s [[0], [1, 2], [3], [4]] : "
                  "%s into %s" % (v, bc, ttype(big), ttype(out)))
        return v, out


def fmt(value):
    if value == float("-inf"):
        return NEG_INF
    return repr(float(value))


def softmax(x):
    m = np.max(x, axis=-1, keepdims=True)
    e = np.exp(x - m)
    return e / np.sum(e, axis=-1, keepdims=True)


#===----------------------------------------------------------------------===#
# Cases
#===----------------------------------------------------------------------===#

CASES = []


def case(fn):
    CASES.append(fn)
    return fn


@case
def mha_torch_div_addmask(rng):
    """The attention core of a torch 1.13 nn.MultiheadAttention exported to
    ONNX, as the importer emits it: q / sqrt(hd) on [B*H, S, hd] with a
    rank-0 constant, MatMul(q, Transpose(k, [0, 2, 1])), Add of a float
    attn_mask [S, S], Softmax(axis=-1), MatMul(attn, v)."""
    n, s, hd = 8, 5, 16
    q = rng.standard_normal((n, s, hd)).astype(np.float32)
    k = rng.standard_normal((n, s, hd)).astype(np.float32)
    v = rng.standard_normal((n, s, hd)).astype(np.float32)
    mask = np.where(rng.random((s, s)) < 0.3, -1e4, 0.0).astype(np.float32)
    np.fill_diagonal(mask, 0.0)
    f = Func()
    c = f.fresh("cst")
    f.emit("%s = arith.constant dense<%s> : tensor<f32>"
           % (c, fmt(math.sqrt(hd))))
    qs = f.elementwise([n, s, hd], [("%q", [n, s, hd], "f32"),
                                    (c, [], "f32")],
                       lambda a: (["%%r = arith.divf %s, %s : f32"
                                   % (a[0], a[1])], "%r"))
    kt, ktshape = f.transpose_last2("%k", [n, s, hd])
    sc = f.named_matmul("batch_matmul", qs, [n, s, hd], kt, ktshape,
                        [n, s, s])
    sm = f.binary("addf", sc, [n, s, s], "%mask", [s, s])
    p = f.softmax(sm, [n, s, s])
    out = f.named_matmul("batch_matmul", p, [n, s, s], "%v", [n, s, hd],
                         [n, s, hd])
    q64, k64, v64 = (a.astype(np.float64) for a in (q, k, v))
    ref = softmax((q64 / np.float32(math.sqrt(hd))) @ k64.transpose(0, 2, 1)
                  + mask) @ v64
    return f, out, [("q", q), ("k", k), ("v", v), ("mask", mask)], ref


@case
def rank4_generic_mulscale_keypadding(rng):
    """[B, H, T, D] contractions as linalg.generic with K indexed
    transposed, the scale as a constant inside the body of the scores'
    multiplication, an additive key-padding mask [B, 1, 1, Tk]."""
    b, h, tq, tk, d = 2, 4, 5, 7, 8
    q = rng.standard_normal((b, h, tq, d)).astype(np.float32)
    k = rng.standard_normal((b, h, tk, d)).astype(np.float32)
    v = rng.standard_normal((b, h, tk, d)).astype(np.float32)
    mask = np.zeros((b, 1, 1, tk), np.float32)
    mask[0, 0, 0, 5:] = -1e9
    mask[1, 0, 0, 6:] = float("-inf")
    scale = 0.3
    f = Func()
    sc = f.contraction4("%q", [b, h, tq, d], "%k", [b, h, tk, d],
                        [b, h, tq, tk], b_transposed=True)
    scaled = f.elementwise(
        [b, h, tq, tk], [(sc, [b, h, tq, tk], "f32")],
        lambda a: (["%%c = arith.constant %s : f32" % fmt(scale),
                    "%%r = arith.mulf %s, %%c : f32" % a[0]], "%r"))
    sm = f.binary("addf", scaled, [b, h, tq, tk], "%mask", [b, 1, 1, tk])
    p = f.softmax(sm, [b, h, tq, tk])
    out = f.contraction4(p, [b, h, tq, tk], "%v", [b, h, tk, d],
                         [b, h, tq, d], b_transposed=False)
    q64, k64, v64 = (a.astype(np.float64) for a in (q, k, v))
    ref = softmax(q64 @ k64.transpose(0, 1, 3, 2) * np.float32(scale)
                  + mask) @ v64
    return f, out, [("q", q), ("k", k), ("v", v), ("mask", mask)], ref


def select_case(rng, scores_on_true, masked_value):
    b, h, tq, tk, d = 2, 3, 6, 9, 8
    q = rng.standard_normal((b, h, tq, d)).astype(np.float32)
    k = rng.standard_normal((b, h, tk, d)).astype(np.float32)
    v = rng.standard_normal((b, h, tk, d)).astype(np.float32)
    attend = rng.random((b, 1, tq, tk)) < 0.6
    attend[..., 0] = True  # no fully masked row...
    if np.isfinite(masked_value):
        # ...except one, which averages V in both forms (no -inf, no NaN).
        attend[0, 0, 1, :] = False
    mask = attend if scores_on_true else ~attend
    f = Func()
    kt, ktshape = f.transpose_last2("%k", [b, h, tk, d])
    sc = f.contraction4("%q", [b, h, tq, d], kt, ktshape, [b, h, tq, tk],
                        b_transposed=False)
    c = f.dense([], 8.0)
    scaled = f.elementwise([b, h, tq, tk], [(sc, [b, h, tq, tk], "f32"),
                                            (c, [], "f32")],
                           lambda a: (["%%r = arith.divf %s, %s : f32"
                                       % (a[0], a[1])], "%r"))

    def body(a):
        neg = "%%neg = arith.constant %s : f32" % fmt(masked_value)
        sel = ("%%r = arith.select %s, %s, %%neg : f32" % (a[0], a[1])
               if scores_on_true else
               "%%r = arith.select %s, %%neg, %s : f32" % (a[0], a[1]))
        return [neg, sel], "%r"
    masked = f.elementwise([b, h, tq, tk], [("%mask", [b, 1, tq, tk], "i1"),
                                            (scaled, [b, h, tq, tk], "f32")],
                           body)
    p = f.softmax(masked, [b, h, tq, tk])
    out = f.contraction4(p, [b, h, tq, tk], "%v", [b, h, tk, d],
                         [b, h, tq, d], b_transposed=False)
    q64, k64, v64 = (a.astype(np.float64) for a in (q, k, v))
    s = q64 @ k64.transpose(0, 1, 3, 2) / 8.0
    ref = softmax(np.where(attend, s, masked_value)) @ v64
    return f, out, [("q", q), ("k", k), ("v", v), ("mask", mask)], ref


@case
def select_mask_neg_inf(rng):
    """select(mask, scores, -inf) with mask [B, 1, Tq, Tk] (true = attend),
    K transposed by linalg.transpose, scores divided by a rank-0 constant."""
    return select_case(rng, True, float("-inf"))


@case
def select_mask_inverted_finite(rng):
    """select(mask, -1e9, scores): true = masked, a finite masked value
    (raised as an additive mask); one query row has every key masked."""
    return select_case(rng, False, -1e9)


@case
def gqa_repeat_kv(rng):
    """Grouped-query attention: K/V [B, 2, T, D] repeated to 6 heads (K by
    linalg.broadcast to [B, 2, 3, T, D] and tensor.collapse_shape, V by
    expand_shape to [B, 2, 1, T, D], a broadcasting linalg.generic and
    collapse_shape); Q scaled before the contraction; no mask."""
    b, hkv, g, tq, tk, d = 2, 2, 3, 4, 6, 8
    h = hkv * g
    q = rng.standard_normal((b, h, tq, d)).astype(np.float32)
    k = rng.standard_normal((b, hkv, tk, d)).astype(np.float32)
    v = rng.standard_normal((b, hkv, tk, d)).astype(np.float32)
    f = Func()
    c = f.dense([b, h, tq, d], 0.25)
    qs = f.binary("mulf", "%q", [b, h, tq, d], c, [b, h, tq, d])
    kr, krshape = f.repeat_heads("%k", [b, hkv, tk, d], g)
    vr, vrshape = f.repeat_heads_unsqueezed("%v", [b, hkv, tk, d], g)
    sc = f.contraction4(qs, [b, h, tq, d], kr, krshape, [b, h, tq, tk],
                        b_transposed=True)
    p = f.softmax(sc, [b, h, tq, tk])
    out = f.contraction4(p, [b, h, tq, tk], vr, vrshape, [b, h, tq, d],
                         b_transposed=False)
    q64, k64, v64 = (a.astype(np.float64) for a in (q, k, v))
    k64 = np.repeat(k64, g, axis=1)
    v64 = np.repeat(v64, g, axis=1)
    ref = softmax((q64 * 0.25) @ k64.transpose(0, 1, 3, 2)) @ v64
    return f, out, [("q", q), ("k", k), ("v", v)], ref


@case
def decomposed_softmax_rank3(rng):
    """The softmax decomposed as linalg.softmax's own decomposition (max,
    exp(x - max), sum, divide as linalg.generic), K scaled before the
    transpose, no mask, rank 3."""
    n, tq, tk, d = 3, 5, 11, 4
    q = rng.standard_normal((n, tq, d)).astype(np.float32)
    k = rng.standard_normal((n, tk, d)).astype(np.float32)
    v = rng.standard_normal((n, tk, 6)).astype(np.float32)
    f = Func()
    c = f.dense([], 0.5)
    ks = f.binary("mulf", "%k", [n, tk, d], c, [])
    kt, ktshape = f.transpose_last2(ks, [n, tk, d])
    sc = f.named_matmul("batch_matmul", "%q", [n, tq, d], kt, ktshape,
                        [n, tq, tk])
    p = f.decomposed_softmax(sc, [n, tq, tk])
    out = f.named_matmul("batch_matmul", p, [n, tq, tk], "%v", [n, tk, 6],
                         [n, tq, 6])
    q64, k64, v64 = (a.astype(np.float64) for a in (q, k, v))
    ref = softmax(q64 @ (k64 * 0.5).transpose(0, 2, 1)) @ v64
    return f, out, [("q", q), ("k", k), ("v", v)], ref


@case
def single_head_matmul(rng):
    """One head with linalg.matmul (rank 2), unscaled scores (scale 1)."""
    tq, tk, d = 7, 5, 3
    q = rng.standard_normal((tq, d)).astype(np.float32)
    k = rng.standard_normal((tk, d)).astype(np.float32)
    v = rng.standard_normal((tk, d)).astype(np.float32)
    f = Func()
    kt, ktshape = f.transpose_last2("%k", [tk, d])
    sc = f.named_matmul("matmul", "%q", [tq, d], kt, ktshape, [tq, tk])
    p = f.softmax(sc, [tq, tk])
    out = f.named_matmul("matmul", p, [tq, tk], "%v", [tk, d], [tq, d])
    q64, k64, v64 = (a.astype(np.float64) for a in (q, k, v))
    ref = softmax(q64 @ k64.T) @ v64
    return f, out, [("q", q), ("k", k), ("v", v)], ref


@case
def softmax_ops_padding_mask(rng):
    """Softmax as separate ReduceMax/Sub/Exp/ReduceSum/Div ops with keepdims
    (rows as [.., 1], read through constant-0 map results), an additive
    key-padding mask [B, Tk] read as (d0, d3) on [B, H, Tq, Tk] (reshaped to
    [B, 1, 1, Tk] for the op), the scale dividing the scores."""
    b, h, tq, tk, d = 3, 2, 4, 10, 8
    q = rng.standard_normal((b, h, tq, d)).astype(np.float32)
    k = rng.standard_normal((b, h, tk, d)).astype(np.float32)
    v = rng.standard_normal((b, h, tk, d)).astype(np.float32)
    mask = np.zeros((b, tk), np.float32)
    mask[1, 7:] = float("-inf")
    mask[2, 3:] = -1e4
    S = [b, h, tq, tk]
    f = Func()
    sc = f.contraction4("%q", [b, h, tq, d], "%k", [b, h, tk, d], S,
                        b_transposed=True)
    c = f.dense([], math.sqrt(d))
    scaled = f.binary("divf", sc, S, c, [])
    masked = f.elementwise(
        S, [(scaled, S, "f32"), ("%mask", [b, tk], "f32",
                                 amap(4, ["d0", "d3"]))],
        lambda a: (["%%r = arith.addf %s, %s : f32" % (a[0], a[1])], "%r"))
    p = f.softmax_ops_keepdims(masked, S)
    out = f.contraction4(p, S, "%v", [b, h, tk, d], [b, h, tq, d],
                         b_transposed=False)
    q64, k64, v64 = (a.astype(np.float64) for a in (q, k, v))
    s = q64 @ k64.transpose(0, 1, 3, 2) / np.float32(math.sqrt(d))
    ref = softmax(s + mask[:, None, None, :]) @ v64
    return f, out, [("q", q), ("k", k), ("v", v), ("mask", mask)], ref


#===----------------------------------------------------------------------===#
# Writing
#===----------------------------------------------------------------------===#

def elt_of(array):
    return "i1" if array.dtype == np.bool_ else "f32"


def write(fn):
    name = fn.__name__
    rng = np.random.default_rng(zlib.crc32(name.encode()))
    f, out, inputs, ref = fn(rng)
    ref = ref.astype(np.float32)
    folder = os.path.join(HERE, "Inputs", name)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for arg, array in inputs:
        np.save(os.path.join(folder, arg + ".npy"), array)
    np.save(os.path.join(folder, "out.npy"), ref)
    doc = "\n".join("// " + l.strip() if l.strip() else "//"
                    for l in fn.__doc__.strip().splitlines())
    run = ["// RUN: s2s-run %s \\"]
    for arg, _ in inputs:
        run.append("// RUN:   --input=%%S/Inputs/%s/%s.npy \\" % (name, arg))
    run.append("// RUN:   --expect=%%S/Inputs/%s/out.npy \\" % name)
    run.append("// RUN:   --rtol=%g --atol=%g --quiet | FileCheck %%s"
               % (RTOL, ATOL))
    params = ", ".join("%%%s: %s" % (arg, ttype(a.shape, elt_of(a)))
                       for arg, a in inputs)
    out_type = ttype(ref.shape)
    body = "\n".join("  " + l.replace("\n", "\n  ") for l in f.lines)
    text = "%s\n// Generated by generate.py.\n\n%s\n\n// CHECK: result #0: " \
           "matches {{.*}}/out.npy\n\nfunc.func @main(%s)\n    -> %s {\n%s\n" \
           "  return %s : %s\n}\n" % (doc, "\n".join(run), params, out_type,
                                      body, out, out_type)
    with open(os.path.join(HERE, name + ".mlir"), "w") as fh:
        fh.write(text)


def main():
    for fn in CASES:
        write(fn)


if __name__ == "__main__":
    main()

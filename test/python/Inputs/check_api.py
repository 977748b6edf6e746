"""Exercises the s2s Python module on the golden LSTM case.

    check_api.py GOLDEN_DIR LSTM_MLIR WEIGHTS_NPZ BAD_MLIR

Prints one line per check; the lit test matches them.
"""

import os
import sys
import tempfile

import numpy as np
import s2s

golden, lstm_mlir, weights_npz, bad_mlir = sys.argv[1:5]


def load(name):
    return np.load(f"{golden}/{name}.npy")


x, h0, c0 = load("x"), load("h0"), load("c0")
weights = {n: load(n) for n in ["w_ih", "w_hh", "b_ih", "b_hh"]}
want = [load("y"), load("h_n"), load("c_n")]


def report(label, got):
    ok = all(np.allclose(g, w, rtol=1e-4, atol=1e-5) for g, w in zip(got, want))
    diff = max(float(np.abs(g - w).max()) for g, w in zip(got, want))
    print(f"{label}: {'matches' if ok else 'DIFFERS'} (max |diff| {diff:.1e})")


# Every argument passed: by position, then some by name.
lstm = s2s.compile(lstm_mlir)
print("names:", lstm.name, lstm.input_names)
print("inputs:", lstm.inputs[0], "results:", len(lstm.results))
report("all arguments", lstm(x, *weights.values(), h0, c0))
report("by name", lstm(x, h0=h0, c0=c0, **weights))

# Weights bound at compile time, from an .npz file and from arrays: the
# function takes the real inputs only.
bound = s2s.compile(lstm_mlir, bind=weights_npz)
print("bound from npz:", bound.input_names)
report("bound from npz", bound(x, h0, c0))
bound = s2s.compile(lstm_mlir, bind=weights, threads=2)
print("bound from arrays:", bound.input_names)
report("bound from arrays, 2 threads", bound(x, h0=h0, c0=c0))

# Zero-copy for C-contiguous inputs; other layouts and array-likes are
# converted first.
report("Fortran-ordered x", bound(np.asfortranarray(x), h0, c0))
report("nested lists", bound(x.tolist(), h0.tolist(), c0.tolist()))
y, h_n, c_n = bound(x, h0, c0)
print("result:", type(y).__name__, y.dtype, y.shape, y.flags["C_CONTIGUOUS"])


def expect_error(label, kind, fn):
    try:
        fn()
    except kind as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: NO ERROR")


expect_error("wrong shape", ValueError, lambda: bound(x, h0, x))
expect_error("wrong dtype", ValueError,
             lambda: bound(x.astype(np.float64), h0, c0))
expect_error("missing", TypeError, lambda: bound(x, h0))
expect_error("unknown name", TypeError, lambda: bound(x, h0, c0, w=c0))
expect_error("twice", TypeError, lambda: bound(x, h0, c0, h0=h0))
expect_error("bad model", s2s.CompileError, lambda: s2s.compile(bad_mlir))
expect_error("bad binding", s2s.CompileError,
             lambda: s2s.compile(lstm_mlir, bind={"w_hh": weights["b_ih"]}))
expect_error("unknown binding", s2s.CompileError,
             lambda: s2s.compile(lstm_mlir, bind={"w": weights["b_ih"]}))
expect_error("missing file", s2s.CompileError,
             lambda: s2s.compile(lstm_mlir + ".missing"))
expect_error("bad options", s2s.CompileError,
             lambda: s2s.compile(lstm_mlir, pipeline_options="vector-bits=7"))

# Errors name the keyword arguments of compile(), not the tools' flags.
expect_error("bad bind value", s2s.CompileError,
             lambda: s2s.compile(lstm_mlir, bind=["weights.txt"]))
expect_error("unparsable options", s2s.CompileError,
             lambda: s2s.compile(lstm_mlir, pipeline_options="fast=true"))
expect_error("bad cpu", s2s.CompileError,
             lambda: s2s.compile(lstm_mlir, mcpu="no-such-cpu"))
expect_error("no bf16", s2s.CompileError,
             lambda: s2s.compile(lstm_mlir, mcpu="skylake-avx512",
                                 pipeline_options="bf16-products=true "
                                 "vector-bits=512 avx512-bf16=true"))
with tempfile.TemporaryDirectory() as tmp:
    two = os.path.join(tmp, "two.mlir")
    with open(two, "w") as f:
        f.write("func.func @first(%x: tensor<2xf32>) -> tensor<2xf32> {\n"
                "  return %x : tensor<2xf32>\n}\n"
                "func.func @second(%x: tensor<2xf32>) -> tensor<2xf32> {\n"
                "  return %x : tensor<2xf32>\n}\n")
    expect_error("no entry", s2s.CompileError, lambda: s2s.compile(two))

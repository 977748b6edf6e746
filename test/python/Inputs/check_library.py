"""Calls the entry points of libraries that s2s-compile wrote, through
s2s.load_library.

    check_library.py WORK_DIR GOLDEN_LSTM_DIR

WORK_DIR holds liblayer.so (linear-layer.mlir, weights bound, symbol prefix
m_), liblstm.so (the golden LSTM, weights bound, 2 threads) and libdyn.so
(dynamic-model.mlir). Prints one line per check.
"""

import sys

import numpy as np
import s2s

work, golden = sys.argv[1:3]

layer = s2s.load_library(f"{work}/liblayer.so", symbol_prefix="m_")
print("layer entries:", sorted(layer))
f = layer["m_layer"]
print("layer signature:", f.input_names, f.inputs, f.results)
print("layer:", f(np.array([[1, 2, 3], [-1, 0, 1]], np.float32)).tolist())
print("layer, empty batch:", f(np.zeros((0, 3), np.float32)).shape)

lstm = s2s.load_library(f"{work}/liblstm.so")["main"]
print("lstm inputs:", lstm.input_names)
x, h0, c0 = (np.load(f"{golden}/{n}.npy") for n in ["x", "h0", "c0"])
got = lstm(x, h0=h0, c0=c0)
want = [np.load(f"{golden}/{n}.npy") for n in ["y", "h_n", "c_n"]]
print("lstm:", "matches" if all(np.allclose(g, w, rtol=1e-4, atol=1e-5)
                                for g, w in zip(got, want)) else "DIFFERS")

dyn = s2s.load_library(f"{work}/libdyn.so")
print("dyn entries:", sorted(dyn))


def expect_error(label, fn):
    try:
        fn()
    except (ValueError, TypeError) as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: NO ERROR")


expect_error("wrong size", lambda: f(np.zeros((2, 4), np.float32)))
expect_error("no description", lambda: s2s.load_library(f"{work}/liblayer.so"))
expect_error("no library", lambda: s2s.load_library(f"{work}/missing.so"))
# A shape rule of the model broken: the batch of h0 is not x's.
fn = dyn["lstm"]
args = {n: np.zeros([2 if d is None else d for d in shape], dtype)
        for n, (shape, dtype) in zip(fn.input_names, fn.inputs)}
args["h0"] = np.zeros((2, 3, 5), np.float32)
expect_error("shape rule", lambda: fn(**args))

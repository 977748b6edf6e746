"""Inputs and reference outputs of raised-attention.test, in float64 numpy.

out = softmax(select(pad, -1e9, q k^T * scale)) v for q [B, Tq, 8],
k, v [B, Tk, 8], pad [B, 1, Tk] (True = a padded key). Run with a python3
that has numpy, from this directory.
"""
import numpy as np

SCALE = np.float32(0.35355339059327373)


def reference(q, k, v, pad):
    s = np.einsum("bqd,bkd->bqk", q.astype(np.float64), k.astype(np.float64))
    s = s * np.float64(SCALE)
    s = np.where(pad, -1e9, s)
    s = s - s.max(axis=-1, keepdims=True)
    p = np.exp(s)
    p = p / p.sum(axis=-1, keepdims=True)
    return np.einsum("bqk,bkd->bqd", p, v.astype(np.float64)).astype(np.float32)


rng = np.random.default_rng(7)
for name, (b, tq, tk) in {"s0": (3, 5, 6), "s1": (2, 1, 4), "s2": (1, 9, 1)}.items():
    q = rng.standard_normal((b, tq, 8)).astype(np.float32)
    k = rng.standard_normal((b, tk, 8)).astype(np.float32)
    v = rng.standard_normal((b, tk, 8)).astype(np.float32)
    # Row r pads its last r keys, keeping at least one.
    pad = np.zeros((b, 1, tk), dtype=bool)
    for r in range(b):
        pad[r, 0, max(1, tk - r):] = True
    for suffix, array in {"q": q, "k": k, "v": v, "pad": pad,
                          "out": reference(q, k, v, pad)}.items():
        np.save(f"{name}.{suffix}.npy", array)

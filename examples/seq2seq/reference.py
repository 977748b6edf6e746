#!/usr/bin/python3
"""NumPy reference of examples/seq2seq/seq2seq_bahdanau.mlir.

Loads the golden inputs (examples/seq2seq/data/, or a directory given as the
first argument), recomputes the greedy-decoded tokens following exactly the
ops of the .mlir model, and prints whether they equal the golden tokens.
Exit status 0 on a match, 1 otherwise.

Runs with /usr/bin/python3 (NumPy only).
"""

import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def gru_cell(x, h, w_ih, w_hh, b_ih, b_hh):
    """s2s.gru_cell (linear_before_reset = true, gates r, z, n)."""
    H = h.shape[-1]
    gi = x @ w_ih.T + b_ih
    gh = h @ w_hh.T + b_hh
    r = sigmoid(gi[:, :H] + gh[:, :H])
    z = sigmoid(gi[:, H:2 * H] + gh[:, H:2 * H])
    n = np.tanh(gi[:, 2 * H:] + r * gh[:, 2 * H:])
    return (1.0 - z) * n + z * h


def gru(x, w_ih, w_hh, b_ih, b_hh, hidden_size):
    """s2s.gru, one forward direction, time-major, h0 = zeros.

    x : [T, B, I], w_ih : [1, 3H, I], ...; returns y [T, B, H], h_n [1, B, H].
    """
    T, B, _ = x.shape
    h = np.zeros((B, hidden_size), dtype=x.dtype)
    ys = []
    for t in range(T):
        h = gru_cell(x[t], h, w_ih[0], w_hh[0], b_ih[0], b_hh[0])
        ys.append(h)
    return np.stack(ys), h[None]


def attention_additive(query, keys, values, w_query, w_keys, v):
    """s2s.attention additive: query [B,Tq,Dq], keys/values [B,Tk,D]."""
    q = query @ w_query.T                      # [B, Tq, A]
    k = keys @ w_keys.T                        # [B, Tk, A]
    e = np.tanh(q[:, :, None, :] + k[:, None, :, :]) @ v   # [B, Tq, Tk]
    e = e - e.max(axis=-1, keepdims=True)
    a = np.exp(e)
    a = a / a.sum(axis=-1, keepdims=True)
    ctx = a @ values                           # [B, Tq, Dv]
    return ctx, a


def linear(x, w, b):
    """s2s.linear: y = x W^T + b."""
    return x @ w.T + b


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "data")
    with open(os.path.join(data, "manifest.json")) as f:
        manifest = json.load(f)
    args = [np.load(os.path.join(data, i["file"])) for i in manifest["inputs"]]
    (src, v, src_emb_weight, tgt_emb_weight,
     enc_w_ih, enc_w_hh, enc_b_ih, enc_b_hh,
     w_query, w_keys,
     dec_w_ih, dec_w_hh, dec_b_ih, dec_b_hh,
     out_weight, out_bias) = args
    want = np.load(os.path.join(data, manifest["outputs"][0]["file"]))
    bos = manifest["attrs"]["bos"]
    steps = manifest["attrs"]["steps"]
    T, B = src.shape
    H = enc_w_hh.shape[1]

    # Encoder: s2s.embedding, then s2s.gru (time-major, hidden 16).
    # The .mlir passes the 2-D PyTorch weights expanded to [1, 3H, *].
    x = src_emb_weight[src]                                  # [T, B, E]
    enc_out, h_n = gru(x, enc_w_ih[None], enc_w_hh[None],
                       enc_b_ih[None], enc_b_hh[None], H)    # [T,B,H], [1,B,H]
    enc_bt = np.transpose(enc_out, (1, 0, 2))                # linalg.transpose
    h = h_n.reshape(B, H)                                    # collapse_shape

    # Greedy decoder loop (scf.for over `steps`).
    y = np.full((B,), bos, dtype=np.int64)
    tokens = np.zeros((steps, B), dtype=np.int64)
    margins = []
    for step in range(steps):
        emb = tgt_emb_weight[y]                              # [B, E]
        ctx, _ = attention_additive(h.reshape(B, 1, H), enc_bt, enc_bt,
                                    w_query, w_keys, v)
        ctx = ctx.reshape(B, H)                              # [B, H]
        h = gru_cell(np.concatenate([emb, ctx], axis=1), h,
                     dec_w_ih, dec_w_hh, dec_b_ih, dec_b_hh)
        logits = linear(np.concatenate([h, ctx], axis=1), out_weight, out_bias)
        y = np.argmax(logits, axis=1).astype(np.int64)
        tokens[step] = y
        top2 = np.sort(logits, axis=1)[:, -2:]
        margins.append((top2[:, 1] - top2[:, 0]).min())

    print("tokens (numpy):")
    print(tokens)
    print("tokens (golden):")
    print(want)
    print("smallest top-1/top-2 logit margin: %.3g" % min(margins))
    ok = tokens.shape == want.shape and np.array_equal(tokens, want)
    print("match: %s (%d of %d tokens differ)"
          % (ok, int((tokens != want).sum()), want.size))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

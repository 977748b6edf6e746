#!/usr/bin/env python3
"""Writes the inputs and PyTorch references of call-dynamic-model.c: the
entry points of ../dynamic-model.mlir at three shapes each, one .npy file
per array (<entry><shape index>_<name>.npy). Needs python3-torch:

    /usr/bin/python3 test/tools/s2s-compile/Inputs/dynamic/generate.py
"""

import os

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))

# (B, T) of the LSTM calls and (B, Tq, Tk) of the attention calls.
LSTM_SHAPES = [(3, 5), (1, 1), (6, 17)]
SDPA_SHAPES = [(2, 5, 5), (1, 1, 9), (3, 37, 140)]


def save(name, array):
    np.save(os.path.join(HERE, name + ".npy"), np.ascontiguousarray(array))


def lstm_case(index, batch, steps):
    torch.manual_seed(100 + index)
    module = nn.LSTM(3, 5, batch_first=True, bidirectional=True)
    x = torch.randn(batch, steps, 3)
    h0, c0 = torch.randn(2, batch, 5), torch.randn(2, batch, 5)
    lengths = torch.randint(1, steps + 1, (batch,))
    lengths[0] = steps
    w = {n: torch.stack([getattr(module, f"{n}_l0"),
                         getattr(module, f"{n}_l0_reverse")]).detach()
         for n in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")}
    module = module.double()
    with torch.no_grad():
        packed = nn.utils.rnn.pack_padded_sequence(
            x.double(), lengths, batch_first=True, enforce_sorted=False)
        out, (h_n, c_n) = module(packed, (h0.double(), c0.double()))
        y, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True,
                                                total_length=steps)
    prefix = f"lstm{index}_"
    for name, value in [("x", x), ("w_ih", w["weight_ih"]),
                        ("w_hh", w["weight_hh"]), ("b_ih", w["bias_ih"]),
                        ("b_hh", w["bias_hh"]), ("h0", h0), ("c0", c0)]:
        save(prefix + name, value.numpy().astype(np.float32))
    save(prefix + "seq_lens", lengths.numpy().astype(np.int64))
    for name, value in [("y", y), ("h_n", h_n), ("c_n", c_n)]:
        save(prefix + name, value.numpy().astype(np.float32))


def sdpa_case(index, batch, tq, tk):
    torch.manual_seed(200 + index)
    q = torch.randn(batch, 4, tq, 8)
    k, v = torch.randn(batch, 2, tk, 8), torch.randn(batch, 2, tk, 8)
    # Head h reads key/value head h // 2; query i sees keys j <= i + tk - tq.
    kk = k.double().repeat_interleave(2, dim=1)
    vv = v.double().repeat_interleave(2, dim=1)
    scores = q.double() @ kk.transpose(-1, -2) / np.sqrt(8)
    allowed = torch.ones(tq, tk).tril(tk - tq).bool()
    scores = scores.masked_fill(~allowed, float("-inf"))
    out = torch.softmax(scores, dim=-1).nan_to_num(0.0) @ vv
    prefix = f"sdpa{index}_"
    for name, value in [("q", q), ("k", k), ("v", v), ("out", out)]:
        save(prefix + name, value.numpy().astype(np.float32))


def main():
    for i, (b, t) in enumerate(LSTM_SHAPES):
        lstm_case(i, b, t)
    for i, (b, tq, tk) in enumerate(SDPA_SHAPES):
        sdpa_case(i, b, tq, tk)


if __name__ == "__main__":
    main()

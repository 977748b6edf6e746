#!/usr/bin/env python3
"""Writes Inputs/<case>/ for the zero-size cases of this directory.

Each case's expected result follows from the shapes alone (an empty tensor,
or zeros where every query sees no key), or from the inputs in one line of
NumPy: attention over no keys is 0, so multi-head attention over no keys is
the output projection's bias. Deterministic; needs numpy only:

    /usr/bin/python3 test/Integration/ZeroSize/generate.py
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def write(case, **arrays):
    d = os.path.join(HERE, "Inputs", case)
    os.makedirs(d, exist_ok=True)
    for name, a in arrays.items():
        np.save(os.path.join(d, name + ".npy"), a)


rng = np.random.default_rng(0)
f32 = np.float32


def rand(*shape):
    return rng.standard_normal(shape).astype(f32)


# SDPA with no keys: every query sees none, output zero.
write("sdpa_no_keys", query=rand(1, 2, 4, 8), key=rand(1, 2, 0, 8),
      value=rand(1, 2, 0, 8), out=np.zeros((1, 2, 4, 8), f32))
# SDPA with no queries: an empty result.
write("sdpa_no_queries", query=rand(1, 2, 0, 8), key=rand(1, 2, 5, 8),
      value=rand(1, 2, 5, 8), out=np.zeros((1, 2, 0, 8), f32))
# Causal SDPA with no keys and grouped-query heads.
write("sdpa_causal_gqa_no_keys", query=rand(2, 4, 3, 8),
      key=rand(2, 2, 0, 8), value=rand(2, 2, 0, 8),
      out=np.zeros((2, 4, 3, 8), f32))
# MHA over no keys: the attention is 0, the output the projection's bias.
b_o = rand(8)
write("mha_no_keys", query=rand(2, 3, 8), key=rand(2, 0, 8),
      in_proj_weight=rand(24, 8), in_proj_bias=rand(24),
      out_proj_weight=rand(8, 8), out_proj_bias=b_o,
      out=np.broadcast_to(b_o, (2, 3, 8)).astype(f32).copy())
# A GRU over a batch of 0 sequences (with seq_lens): empty results.
write("gru_batch0", x=rand(5, 0, 6), w_ih=rand(1, 24, 6), w_hh=rand(1, 24, 8),
      seq_lens=np.zeros((0,), np.int64), y=np.zeros((5, 0, 8), f32),
      h_n=np.zeros((1, 0, 8), f32))
# An LSTM over 0 steps: y empty, the final states the initial ones.
h0, c0 = rand(1, 3, 8), rand(1, 3, 8)
write("lstm_no_steps", x=rand(0, 3, 6), w_ih=rand(1, 32, 6),
      w_hh=rand(1, 32, 8), h0=h0, c0=c0, y=np.zeros((0, 3, 8), f32),
      h_n=h0, c_n=c0)
# An embedding of no indices from an empty table.
write("embedding_empty", indices=np.zeros((0,), np.int64),
      weight=np.zeros((0, 5), f32), out=np.zeros((0, 5), f32))
# A linear layer over no rows.
write("linear_no_rows", x=rand(0, 7), w=rand(4, 7), b=rand(4),
      out=np.zeros((0, 4), f32))
# Self-attention MHA with no queries (packed projection: the Q/K/V GEMM has
# 0 rows, and its three column blocks are empty) and over an empty batch
# (separate projections, packed by s2s-pack-qkv; with the weights).
write("mha_self_no_queries", query=rand(2, 0, 8), in_proj_weight=rand(24, 8),
      in_proj_bias=rand(24), out_proj_weight=rand(8, 8),
      out_proj_bias=rand(8), out=np.zeros((2, 0, 8), f32))
write("mha_self_batch0", query=rand(3, 0, 8), q_proj_weight=rand(8, 8),
      k_proj_weight=rand(8, 8), v_proj_weight=rand(8, 8),
      out_proj_weight=rand(8, 8), out=np.zeros((3, 0, 8), f32),
      avg_weights=np.zeros((0, 3, 3), f32))
# SDPA with no query heads against two key/value heads (H = 0 is a multiple
# of Hkv = 2): an empty result.
write("sdpa_no_query_heads", query=rand(1, 0, 3, 8), key=rand(1, 2, 4, 8),
      value=rand(1, 2, 4, 8), out=np.zeros((1, 0, 3, 8), f32))

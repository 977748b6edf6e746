#!/usr/bin/env python3
"""Writes Inputs/<case>/ for the cached multi-head attention tests here.

The reference is PyTorch's nn.MultiheadAttention over the whole sequence
with a causal mask (nn.Transformer.generate_square_subsequent_mask) and a
key padding mask; the tests compute it one decoding step at a time with
s2s.cached_multi_head_attention and must match it. Masks are saved as
s2s reads them (true = may attend), widened to the cache's capacity with
true: positions the cache has not reached must not be read. Needs
Debian's python3-torch; the test suite reads the saved files only:

    /usr/bin/python3 test/Integration/KVCache/generate.py
"""
import os

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))


def write(case, **arrays):
    d = os.path.join(HERE, "Inputs", case)
    os.makedirs(d, exist_ok=True)
    for name, a in arrays.items():
        np.save(os.path.join(d, name + ".npy"), a)


def causal_mha(case, batch, length, embed, heads, capacity, batch_first):
    torch.manual_seed(len(case))
    mha = torch.nn.MultiheadAttention(embed, heads,
                                      batch_first=batch_first).eval()
    with torch.no_grad():
        # Biases that are not zero, so that a wrong bias shows.
        mha.in_proj_bias.normal_(0, 0.5)
        mha.out_proj.bias.normal_(0, 0.5)
    x = torch.randn(batch, length, embed)
    # Padding at some positions after the first: every query still sees
    # key 0 (PyTorch gives NaN for a query that sees no key).
    may_attend = torch.rand(batch, length) > 0.25
    may_attend[:, 0] = True
    causal = torch.nn.Transformer.generate_square_subsequent_mask(length)
    query = x if batch_first else x.transpose(0, 1)
    with torch.no_grad():
        out, _ = mha(query, query, query, attn_mask=causal,
                     key_padding_mask=~may_attend, need_weights=False)
    wide = torch.ones(batch, capacity, dtype=torch.bool)
    wide[:, :length] = may_attend
    w = mha.in_proj_weight.detach()
    e = embed
    write(case, query=query.contiguous().numpy(),
          in_proj_weight=w.numpy(),
          q_proj_weight=w[:e].contiguous().numpy(),
          k_proj_weight=w[e:2 * e].contiguous().numpy(),
          v_proj_weight=w[2 * e:].contiguous().numpy(),
          in_proj_bias=mha.in_proj_bias.detach().numpy(),
          out_proj_weight=mha.out_proj.weight.detach().numpy(),
          out_proj_bias=mha.out_proj.bias.detach().numpy(),
          key_padding_mask=wide.numpy(),
          out=out.contiguous().numpy())


# Batch-first, packed weights: a prompt of 4, then 6 single steps.
causal_mha("mha_causal_decode", batch=2, length=10, embed=32, heads=4,
           capacity=16, batch_first=True)
# Time-major, separate weights.
causal_mha("mha_causal_decode_tm", batch=3, length=7, embed=24, heads=3,
           capacity=8, batch_first=False)

#!/usr/bin/env python3
"""Writes the reference data of the bf16-products tests (Inputs/<case>/).

    /usr/bin/python3 test/Integration/BF16/Products/make_reference.py

Needs PyTorch; the tests only read the .npy files it writes. The cases
have k (the length each product sums over) a multiple of 32, so that the
pair kernels of s2s-cpu-lower-contractions (vdpbf16ps) run on them, in
each kernel: the packed one (linear, 80 rows), the dot one (linear_dot,
21 rows; the cell), the fused recurrent step's axpy one (lstm, gru_b1).

For every case it writes the inputs and PyTorch's f32 results. For the
cases without a recurrence (linear, linear_dot, lstm_cell) it also writes
`*_rounded.npy`: the same model in f64 on the inputs, state and weights
rounded to bf16 (ties to even), which is what bf16-products computes up
to the order of the f32 sums.
"""
import os

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))


def save(case, **arrays):
    out = os.path.join(HERE, "Inputs", case)
    os.makedirs(out, exist_ok=True)
    for name, value in arrays.items():
        np.save(os.path.join(out, name + ".npy"),
                value.detach().numpy().astype(np.float32))


def bf16(t):
    return t.to(torch.bfloat16).to(torch.float64)


def linear(case, x_shape, out_features):
    in_features = x_shape[-1]
    module = torch.nn.Linear(in_features, out_features)
    x = torch.randn(*x_shape)
    with torch.no_grad():
        y = module(x)
        rounded = (bf16(x) @ bf16(module.weight).T +
                   module.bias.to(torch.float64))
    save(case, x=x, w=module.weight, b=module.bias, y=y, y_rounded=rounded)


def lstm_cell():
    module = torch.nn.LSTMCell(64, 32)
    x, h, c = torch.randn(4, 64), torch.randn(4, 32), torch.randn(4, 32)
    with torch.no_grad():
        h_next, c_next = module(x, (h, c))
        gates = (bf16(x) @ bf16(module.weight_ih).T +
                 bf16(h) @ bf16(module.weight_hh).T +
                 module.bias_ih.to(torch.float64) +
                 module.bias_hh.to(torch.float64))
        i, f, g, o = gates.chunk(4, dim=1)
        c_r = torch.sigmoid(f) * c.to(torch.float64) + \
            torch.sigmoid(i) * torch.tanh(g)
        h_r = torch.sigmoid(o) * torch.tanh(c_r)
    save("lstm_cell", x=x, h=h, c=c, w_ih=module.weight_ih,
         w_hh=module.weight_hh, b_ih=module.bias_ih, b_hh=module.bias_hh,
         h_next=h_next, c_next=c_next, h_next_rounded=h_r,
         c_next_rounded=c_r)


def lstm():
    module = torch.nn.LSTM(64, 32)
    x = torch.randn(6, 3, 64)
    h0, c0 = torch.randn(1, 3, 32), torch.randn(1, 3, 32)
    with torch.no_grad():
        y, (h_n, c_n) = module(x, (h0, c0))
    save("lstm", x=x, w_ih=module.weight_ih_l0[None],
         w_hh=module.weight_hh_l0[None], b_ih=module.bias_ih_l0[None],
         b_hh=module.bias_hh_l0[None], h0=h0, c0=c0, y=y, h_n=h_n, c_n=c_n)


def gru_b1():
    module = torch.nn.GRU(32, 64)
    x, h0 = torch.randn(5, 1, 32), torch.randn(1, 1, 64)
    with torch.no_grad():
        y, h_n = module(x, h0)
    save("gru_b1", x=x, w_ih=module.weight_ih_l0[None],
         w_hh=module.weight_hh_l0[None], b_ih=module.bias_ih_l0[None],
         b_hh=module.bias_hh_l0[None], h0=h0, y=y, h_n=h_n)


def main():
    torch.manual_seed(17)
    linear("linear", (2, 40, 64), 48)
    linear("linear_dot", (3, 7, 96), 40)
    lstm_cell()
    lstm()
    gru_b1()


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Exports small PyTorch modules to ONNX with dynamic axes for s2s's tests.

Run once with Debian's python3-torch (1.13) from this directory:

    /usr/bin/python3 generate.py

Each model is traced once, at one shape, and exported with dynamic_axes:
its batch and sequence dimensions are named ("batch", "seq", "src", "tgt")
in the graph's inputs and outputs instead of fixed. For each model it
writes <name>.onnx and, for three other shapes k = 0, 1, 2 (none of them
the traced one; one has sequence length 1), the inputs
<name>.s<k>.in<i>.npy and PyTorch's outputs <name>.s<k>.out<i>.npy. The
lit tests run the one .onnx file with s2s-run at each of the three shapes
and compare with the .npy files; they need neither torch nor numpy.

nn.MultiheadAttention and the Transformer layers are exported (and their
reference outputs computed) with gradients enabled: under torch.no_grad()
torch 1.13 traces their fused fast path, an op with no ONNX form.
"""

import math
import os

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))


def export(name, module, make, traced, shapes, input_names, output_names,
           dynamic_axes, opset=14, no_grad=True):
    """Traces `module` on make(*traced) and saves references at `shapes`.

    make(*shape) returns the list of input tensors of one shape."""
    assert traced not in shapes
    module.eval()

    def run(inputs):
        if no_grad:
            with torch.no_grad():
                outputs = module(*inputs)
        else:
            outputs = module(*inputs)
        if isinstance(outputs, torch.Tensor):
            outputs = (outputs,)
        flat = []
        for out in outputs:
            if isinstance(out, tuple):
                flat.extend(out)
            elif out is not None:
                flat.append(out)
        return flat[:len(output_names)]

    path = os.path.join(HERE, name + ".onnx")
    torch.onnx.export(module, tuple(make(*traced)), path,
                      input_names=input_names, output_names=output_names,
                      dynamic_axes=dynamic_axes, opset_version=opset,
                      do_constant_folding=True)
    for k, shape in enumerate(shapes):
        inputs = make(*shape)
        for i, x in enumerate(inputs):
            np.save(os.path.join(HERE, "%s.s%d.in%d.npy" % (name, k, i)),
                    x.detach().numpy())
        for i, y in enumerate(run(inputs)):
            np.save(os.path.join(HERE, "%s.s%d.out%d.npy" % (name, k, i)),
                    y.detach().numpy())
    print("wrote", path)


class Wrap(nn.Module):
    """Calls `inner` and returns the listed results as a flat tuple."""

    def __init__(self, inner, call):
        super().__init__()
        self.inner = inner
        self.call = call

    def forward(self, *args):
        return self.call(self.inner, *args)


class CausalAttention(nn.Module):
    """softmax(a b^T / sqrt(D) masked causally) c, the mask built four
    ways; one result each."""

    def __init__(self):
        super().__init__()
        # nanoGPT's mask buffer, sliced to [:T, :T] (T <= 16).
        self.register_buffer("bias", torch.tril(torch.ones(16, 16)).view(
            1, 1, 16, 16))

    def forward(self, q, k, v):
        t = q.size(2)
        ones = torch.tril(torch.ones(t, t))
        allowed = torch.ones(t, t, dtype=torch.bool).tril()
        i = torch.arange(t)
        masks = [ones == 0, ~allowed, i[None, :] > i[:, None],
                 self.bias[:, :, :t, :t] == 0]
        outs = []
        # Each mask on the inputs in another order: scores of their own (the
        # exporter merges equal ones, and s2s-raise-attention raises a chain
        # whose scores feed one softmax).
        for mask, (a, b, c) in zip(masks, [(q, k, v), (k, v, q), (v, q, k),
                                           (q, v, k)]):
            scores = (a @ b.transpose(-2, -1)) * (1.0 / math.sqrt(b.size(-1)))
            outs.append(torch.softmax(
                scores.masked_fill(mask, float("-inf")), -1) @ c)
        return tuple(outs)


def padding_mask(lengths, s):
    """A [B, S] bool key padding mask: True past each row's length."""
    return torch.arange(s)[None, :] >= torch.tensor(lengths)[:, None]


# (batch, sequence): traced at TRACED, references at SHAPES.
TRACED = (2, 5)
SHAPES = [(1, 7), (3, 1), (4, 9)]


def main():
    torch.manual_seed(0)

    # LSTM: two layers, bidirectional, batch_first, given initial states
    # ([layers * directions, B, H]: batch is their axis 1).
    lstm = nn.LSTM(5, 4, num_layers=2, bidirectional=True, batch_first=True)
    export("lstm_dynamic",
           Wrap(lstm, lambda m, x, h, c: (lambda y, s: (y, s[0], s[1]))(
               *m(x, (h, c)))),
           lambda b, t: [torch.randn(b, t, 5), torch.randn(4, b, 4),
                         torch.randn(4, b, 4)],
           TRACED, SHAPES, ["x", "h0", "c0"], ["y", "h_n", "c_n"],
           {"x": {0: "batch", 1: "seq"}, "h0": {1: "batch"},
            "c0": {1: "batch"}, "y": {0: "batch", 1: "seq"},
            "h_n": {1: "batch"}, "c_n": {1: "batch"}})

    # GRU: two layers, bidirectional, time-major, zero initial state (the
    # export builds it from the input's shape).
    gru = nn.GRU(5, 4, num_layers=2, bidirectional=True)
    export("gru_dynamic", Wrap(gru, lambda m, x: m(x)),
           lambda b, t: [torch.randn(t, b, 5)], TRACED, SHAPES, ["x"],
           ["y", "h_n"],
           {"x": {0: "seq", 1: "batch"}, "y": {0: "seq", 1: "batch"},
            "h_n": {1: "batch"}})

    # Elman RNN (tanh), time-major, given initial state.
    rnn = nn.RNN(4, 6, nonlinearity="tanh")
    export("rnn_dynamic", Wrap(rnn, lambda m, x, h: m(x, h)),
           lambda b, t: [torch.randn(t, b, 4), torch.randn(1, b, 6)],
           TRACED, SHAPES, ["x", "h0"], ["y", "h_n"],
           {"x": {0: "seq", 1: "batch"}, "h0": {1: "batch"},
            "y": {0: "seq", 1: "batch"}, "h_n": {1: "batch"}})

    # Two Transformer encoder layers (post-norm, ReLU) with a key padding
    # mask, gradients on. Each mask pads a suffix of some rows, never a
    # whole row (a fully masked row's softmax is NaN).
    encoder = nn.TransformerEncoder(
        nn.TransformerEncoderLayer(16, 4, dim_feedforward=32, dropout=0.0,
                                   batch_first=True),
        2, enable_nested_tensor=False)
    lengths = {(2, 5): [5, 3], (1, 7): [4], (3, 1): [1, 1, 1],
               (4, 9): [9, 6, 2, 8]}
    export("transformer_encoder_dynamic",
           Wrap(encoder, lambda m, x, mask: m(x, src_key_padding_mask=mask)),
           lambda b, s: [torch.randn(b, s, 16),
                         padding_mask(lengths[(b, s)], s)],
           TRACED, SHAPES, ["x", "mask"], ["out"],
           {"x": {0: "batch", 1: "src"}, "mask": {0: "batch", 1: "src"},
            "out": {0: "batch", 1: "src"}},
           opset=17, no_grad=False)

    # A Transformer decoder layer with a causal target mask given as an
    # input ([T, T], float: 0 on and below the diagonal, -inf above it),
    # gradients on. Shapes are (batch, tgt, src).
    decoder = nn.TransformerDecoderLayer(16, 4, dim_feedforward=32,
                                         dropout=0.0, batch_first=True)
    export("transformer_decoder_layer_dynamic",
           Wrap(decoder, lambda m, t, mem, mask: m(t, mem, tgt_mask=mask)),
           lambda b, t, s: [
               torch.randn(b, t, 16), torch.randn(b, s, 16),
               nn.Transformer.generate_square_subsequent_mask(t)],
           (2, 5, 6), [(1, 7, 3), (3, 1, 4), (4, 9, 11)],
           ["tgt", "memory", "tgt_mask"], ["out"],
           {"tgt": {0: "batch", 1: "tgt"}, "memory": {0: "batch", 1: "src"},
            "tgt_mask": {0: "tgt", 1: "tgt"}, "out": {0: "batch", 1: "tgt"}},
           opset=17, no_grad=False)

    # Multi-head self-attention (batch_first), gradients on.
    mha = nn.MultiheadAttention(16, 4, batch_first=True)
    export("mha_dynamic",
           Wrap(mha, lambda m, x: m(x, x, x, need_weights=False)[0]),
           lambda b, s: [torch.randn(b, s, 16)], TRACED, SHAPES, ["x"],
           ["out"], {"x": {0: "batch", 1: "seq"}, "out": {0: "batch", 1: "seq"}},
           no_grad=False)


    # The same decoder layer computing its causal mask in the graph, as a
    # model does when T is dynamic: generate_square_subsequent_mask(T)
    # exports as Trilu(ConstantOfShape([T, T], -inf), k = 1).
    export("transformer_decoder_causal_dynamic",
           Wrap(decoder, lambda m, t, mem: m(
               t, mem, tgt_mask=nn.Transformer.generate_square_subsequent_mask(
                   t.size(1)))),
           lambda b, t, s: [torch.randn(b, t, 16), torch.randn(b, s, 16)],
           (2, 5, 6), [(1, 7, 3), (3, 1, 4), (4, 9, 11)],
           ["tgt", "memory"], ["out"],
           {"tgt": {0: "batch", 1: "tgt"}, "memory": {0: "batch", 1: "src"},
            "out": {0: "batch", 1: "tgt"}},
           opset=17, no_grad=False)

    # Hand-written (GPT-style) causal attention over [B, H, T, D], its mask
    # computed from T four ways: tril(ones(T, T)) == 0, a boolean tril,
    # comparisons of arange(T), and a slice of a tril buffer == 0.
    outputs = ["tril", "bool", "range", "buffer"]
    export("attention_causal_dynamic", CausalAttention(),
           lambda b, t: [torch.randn(b, 2, t, 8) for _ in range(3)],
           TRACED, SHAPES, ["q", "k", "v"], outputs,
           {name: {0: "batch", 2: "seq"} for name in ["q", "k", "v"] + outputs})

if __name__ == "__main__":
    main()

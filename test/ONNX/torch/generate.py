#!/usr/bin/python3
"""Exports small PyTorch modules to ONNX for s2s's importer tests.

Run once with Debian's python3-torch (1.13) from this directory:

    /usr/bin/python3 generate.py

For each model it writes <name>.onnx, its inputs <name>.in<i>.npy and
PyTorch's outputs <name>.out<i>.npy. The lit tests import and run the .onnx
files with s2s-run and compare with the .npy files; they need neither torch
nor numpy.

nn.MultiheadAttention and nn.TransformerEncoderLayer are exported with
gradients enabled: under torch.no_grad() torch 1.13 traces their fused
fast path, an op with no ONNX form.
"""

import os

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))


def export(name, module, inputs, input_names, output_names, opset=14,
           no_grad=True):
    module.eval()
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
    path = os.path.join(HERE, name + ".onnx")
    torch.onnx.export(module, tuple(inputs), path, input_names=input_names,
                      output_names=output_names, opset_version=opset,
                      do_constant_folding=True)
    for i, x in enumerate(inputs):
        np.save(os.path.join(HERE, "%s.in%d.npy" % (name, i)),
                x.detach().numpy())
    for i, y in enumerate(flat[:len(output_names)]):
        np.save(os.path.join(HERE, "%s.out%d.npy" % (name, i)),
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


def main():
    torch.manual_seed(0)
    # LSTM: bidirectional, batch_first, given initial states.
    lstm = nn.LSTM(5, 4, bidirectional=True, batch_first=True)
    x = torch.randn(3, 6, 5)
    h0 = torch.randn(2, 3, 4)
    c0 = torch.randn(2, 3, 4)
    export("lstm_bidirectional_batch_first",
           Wrap(lstm, lambda m, x, h, c: (lambda y, s: (y, s[0], s[1]))(
               *m(x, (h, c)))),
           [x, h0, c0], ["x", "h0", "c0"], ["y", "h_n", "c_n"])

    # GRU: bidirectional, batch_first, zero initial state.
    gru = nn.GRU(5, 4, bidirectional=True, batch_first=True)
    export("gru_bidirectional_batch_first",
           Wrap(gru, lambda m, x: m(x)), [torch.randn(3, 6, 5)], ["x"],
           ["y", "h_n"])

    # Two stacked LSTM layers, time-major.
    lstm2 = nn.LSTM(6, 8, num_layers=2)
    export("lstm_two_layers", Wrap(lstm2, lambda m, x: m(x)[0]),
           [torch.randn(7, 2, 6)], ["x"], ["y"])

    # Elman RNN with ReLU.
    rnn = nn.RNN(4, 6, nonlinearity="relu")
    export("rnn_relu", Wrap(rnn, lambda m, x: m(x)), [torch.randn(5, 2, 4)],
           ["x"], ["y", "h_n"])

    # Multi-head self-attention (batch_first), traced with gradients on.
    mha = nn.MultiheadAttention(16, 4, batch_first=True)
    q = torch.randn(2, 5, 16)
    export("multihead_attention",
           Wrap(mha, lambda m, x: m(x, x, x, need_weights=False)[0]), [q],
           ["x"], ["out"], no_grad=False)

    # A Transformer encoder layer (post-norm, ReLU), gradients on.
    layer = nn.TransformerEncoderLayer(16, 4, dim_feedforward=32, dropout=0.0,
                                       batch_first=True)
    export("transformer_encoder_layer", Wrap(layer, lambda m, x: m(x)),
           [torch.randn(2, 5, 16)], ["x"], ["out"], opset=17, no_grad=False)

    # Embedding followed by a linear layer and a GELU.
    class EmbedLinear(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = nn.Embedding(20, 8)
            self.proj = nn.Linear(8, 6)

        def forward(self, tokens):
            return nn.functional.gelu(self.proj(self.emb(tokens)))

    export("embedding_linear_gelu", EmbedLinear(),
           [torch.randint(0, 20, (3, 4))], ["tokens"], ["out"])

    export_causal_layer()
    export_rank4_attention()


class Rank4Attention(nn.Module):
    """Attention written by hand over [B, H, T, D], as GPT-style models
    write it: MatMuls of rank 4, a division by sqrt(D), a softmax; with
    `causal`, the scores above the diagonal filled with -inf through a
    torch.triu mask (an ONNX Trilu)."""

    def __init__(self, causal):
        super().__init__()
        self.causal = causal

    def forward(self, q, k, v):
        scores = torch.matmul(q, k.transpose(-2, -1)) / (q.shape[-1] ** 0.5)
        if self.causal:
            t = q.shape[2]
            mask = torch.triu(torch.ones(t, t, dtype=torch.bool), diagonal=1)
            scores = scores.masked_fill(mask, float("-inf"))
        return torch.matmul(torch.softmax(scores, dim=-1), v)


def export_rank4_attention():
    torch.manual_seed(2)
    q, k, v = (torch.randn(2, 4, 7, 8) for _ in range(3))
    export("attention_rank4", Rank4Attention(causal=False), [q, k, v],
           ["q", "k", "v"], ["out"])
    # Same inputs: the test reads attention_rank4.in*.npy for both.
    export("attention_rank4_causal", Rank4Attention(causal=True), [q, k, v],
           ["q", "k", "v"], ["out"])
    for i in range(3):
        os.remove(os.path.join(HERE, "attention_rank4_causal.in%d.npy" % i))


def export_causal_layer():
    """A Transformer encoder layer with the causal mask of a decoder
    (nn.Transformer.generate_square_subsequent_mask), a constant of the
    exported graph that s2s turns into the causal attribute."""
    torch.manual_seed(1)
    layer = nn.TransformerEncoderLayer(16, 4, dim_feedforward=32, dropout=0.0,
                                       batch_first=True)
    mask = nn.Transformer.generate_square_subsequent_mask(6)
    export("transformer_encoder_layer_causal",
           Wrap(layer, lambda m, x: m(x, src_mask=mask)),
           [torch.randn(2, 6, 16)], ["x"], ["out"], opset=17, no_grad=False)


if __name__ == "__main__":
    main()

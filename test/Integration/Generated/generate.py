#!/usr/bin/env python3
"""Generates the PyTorch reference data of the tests in this folder.

Each case below builds its inputs from a fixed seed (derived from the case
name, so that adding or reordering cases changes nothing else), computes the
expected outputs with PyTorch and writes

  Inputs/<case>/<name>.npy   one file per input and expected output
  <case>.mlir                the test: one s2s op in @main and its RUN line

The tests themselves only need s2s-run and FileCheck: the .npy files are
checked in and PyTorch is needed only to re-run this script
(`apt-get install python3-torch`, then `/usr/bin/python3 generate.py`).

Float references are computed in float64 from the float32 inputs and stored
as float32: the expectation is then the exact result rounded once, and the
tolerance only has to absorb the compiled code's own float32 rounding.

PyTorch 1.13 (Debian's python3-torch) has no scaled_dot_product_attention:
the s2s.scaled_dot_product_attention and s2s.attention references are
written with torch tensor ops, following the formulas in S2SOps.td. The
recurrent layers, cells, nn.MultiheadAttention, linear, layer_norm,
embedding, argmax, log_softmax and index_select use the PyTorch modules and
functions themselves; top_k uses torch.topk where the values are distinct,
and a stable sort (the order s2s.top_k defines) where they tie.
"""

import argparse
import os
import shutil
import sys
import textwrap
import zlib

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

# Tolerances: |got - want| <= atol + rtol * |want|.
TOL = (1e-4, 1e-5)
RNN_TOL = (1e-4, 2e-5)
EXACT = (0, 0)

#===----------------------------------------------------------------------===#
# MLIR emission (also used for the golden cases in ../Golden)
#===----------------------------------------------------------------------===#

ELEMENT_TYPES = {"float32": "f32", "float64": "f64", "int64": "i64",
                 "int32": "i32", "bool": "i1"}

# Operands of each op in ODS order: those written positionally, then those
# written as `keyword(%value)`.
OPERANDS = {
    "rnn": (["x", "w_ih", "w_hh"], ["b_ih", "b_hh", "h0", "seq_lens"]),
    "lstm": (["x", "w_ih", "w_hh"], ["b_ih", "b_hh", "h0", "c0", "seq_lens"]),
    "gru": (["x", "w_ih", "w_hh"], ["b_ih", "b_hh", "h0", "seq_lens"]),
    "rnn_cell": (["x", "h", "w_ih", "w_hh"], ["b_ih", "b_hh"]),
    "lstm_cell": (["x", "h", "c", "w_ih", "w_hh"], ["b_ih", "b_hh"]),
    "gru_cell": (["x", "h", "w_ih", "w_hh"], ["b_ih", "b_hh"]),
    "attention": (["query", "keys", "values"],
                  ["w", "w_query", "w_keys", "v", "mask"]),
    "scaled_dot_product_attention": (["query", "key", "value"], ["mask"]),
    "multi_head_attention": (
        ["query", "key", "value"],
        ["in_proj_weight", "q_proj_weight", "k_proj_weight", "v_proj_weight",
         "in_proj_bias", "out_proj_weight", "out_proj_bias",
         "key_padding_mask", "attn_mask"]),
    "linear": (["input", "weight", "bias"], []),
    "layer_norm": (["input"], ["weight", "bias"]),
    "embedding": (["indices", "weight"], []),
    "argmax": (["input"], []),
    "log_softmax": (["input"], []),
    "top_k": (["input"], []),
    "index_select": (["input", "indices"], []),
}


def tensor_type(dtype, shape):
    dims = "".join(f"{d}x" for d in shape)
    return f"tensor<{dims}{ELEMENT_TYPES[str(dtype)]}>"


def float_literal(value):
    """An MLIR float literal (which needs a '.' before any exponent)."""
    text = repr(float(value))
    if "." not in text and "inf" not in text and "nan" not in text:
        mantissa, _, exponent = text.partition("e")
        text = mantissa + ".0" + ("e" + exponent if exponent else "")
    return text


def wrap(prefix, items, indent, sep=", ", width=80):
    """`prefix` followed by `items` joined by `sep`, wrapped at `width`."""
    lines, line = [], prefix
    for i, item in enumerate(items):
        piece = item + (sep.rstrip() if i + 1 < len(items) else "")
        if line.strip() and len(line) + len(piece) + 1 > width and \
                line != prefix:
            lines.append(line.rstrip())
            line = " " * indent
        elif line != prefix and not line.endswith(" "):
            line += " "
        line += piece
    lines.append(line)
    return lines


def emit_mlir(case, folder, comment, op, attrs, args, operands, results,
              rtol, atol, pre_attrs=""):
    """Returns the text of a test running one s2s op.

    comment:  the leading // comment (a string, may span lines)
    op:       the op name without `s2s.`
    attrs:    the attribute text after the operands (e.g. "hidden_size(4)")
    args:     [(name, dtype, shape)] in @main's argument order
    operands: {role: argument name} for the op's operands
    results:  [(name, dtype, shape)] in result order
    pre_attrs: text between the op name and its operands (attention score)
    """
    arg_types = {name: tensor_type(dtype, shape) for name, dtype, shape in args}
    positional, keywords = OPERANDS[op]
    unknown = set(operands) - set(positional) - set(keywords)
    assert not unknown, f"{case}: unknown operands {unknown} of s2s.{op}"
    operand_text, operand_types = [], []
    for role in positional:
        if role in operands:
            operand_text.append(f"%{operands[role]}")
            operand_types.append(arg_types[operands[role]])
    text = ", ".join(operand_text)
    for role in keywords:
        if role in operands:
            text += f" {role}(%{operands[role]})"
            operand_types.append(arg_types[operands[role]])
    result_types = [tensor_type(d, s) for _, d, s in results]
    result_names = ", ".join(f"%{name}" for name, _, _ in results)

    paragraphs = [" ".join(p.split()) for p in comment.strip().split("\n\n")]
    out = []
    for paragraph in paragraphs:
        if out:
            out.append("//")
        out += [f"// {line}" for line in textwrap.wrap(paragraph, 77)]
    out.append("")
    out.append("// RUN: s2s-run %s \\")
    for name, _, _ in args:
        out.append(f"// RUN:   --input=%S/Inputs/{folder}/{name}.npy \\")
    for name, _, _ in results:
        out.append(f"// RUN:   --expect=%S/Inputs/{folder}/{name}.npy \\")
    out.append(f"// RUN:   --rtol={rtol} --atol={atol} --quiet | FileCheck %s")
    out.append("")
    for i, (name, _, _) in enumerate(results):
        out.append(f"// CHECK: result #{i}: matches {{{{.*}}}}/{name}.npy")
    out.append("")
    signature = [f"%{name}: {arg_types[name]}" for name, _, _ in args]
    ret = result_types[0] if len(result_types) == 1 else \
        "(" + ", ".join(result_types) + ")"
    out += wrap("func.func @main(", signature, 4)
    out[-1] += ")"
    out.append(f"    -> {ret} {{")
    head = f"  {result_names} = s2s.{op} " + (pre_attrs + " " if pre_attrs
                                               else "")
    op_words = (text + (" " + attrs if attrs else "")).split(" ")
    out += wrap(head, op_words, 6, sep=" ")
    out += wrap("      : (", operand_types, 9)
    out[-1] += ")"
    out.append(f"      -> {ret}")
    out += wrap(f"  return {result_names} : ", result_types, 6)
    out.append("}")
    return "\n".join(out) + "\n"


#===----------------------------------------------------------------------===#
# Cases
#===----------------------------------------------------------------------===#

CASES = []


def case(name, op, doc, tol=TOL, attrs="", pre_attrs=""):
    """Registers a case: `fn()` returns (args, results) or (args, results,
    operands). args and results are [(name, tensor)] in order; operands maps
    an op operand to an argument name (default: each argument is the operand
    of its name). `attrs` is the op's attribute text."""
    def register(fn):
        CASES.append(dict(name=name, op=op, doc=doc, tol=tol, attrs=attrs,
                          pre_attrs=pre_attrs, fn=fn))
        return fn
    return register


def seed_for(name):
    return zlib.crc32(name.encode())


# torch is imported in main(), so that --list and the MLIR emission work
# without it.
torch = None
nn = None
F = None


def f64(t):
    return t.detach().to(torch.float64)


#===--- recurrent layers -------------------------------------------------===#

def stacked(module, name, num_directions):
    """Stacks a torch RNN parameter over directions: [D, ...]."""
    return torch.stack([getattr(module, f"{name}_l0" + ("_reverse" if d else ""))
                        for d in range(num_directions)]).detach()


def run_layer(kind, x, T, B, I, H, direction="forward", batch_first=False,
              bias=True, h0=False, c0=False, seq_lens=None,
              activation="tanh"):
    """Runs nn.RNN/LSTM/GRU in float64 on x and returns (args, results) with
    the s2s operands and results. `seq_lens` is a list of lengths. The s2s
    reverse direction is the backward half of a bidirectional module (its
    forward half is computed and dropped)."""
    D = 2 if direction == "bidirectional" else 1
    cls = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}[kind]
    kwargs = dict(bias=bias, batch_first=batch_first,
                  bidirectional=direction != "forward")
    if kind == "rnn":
        kwargs["nonlinearity"] = activation
    module = cls(I, H, **kwargs)

    def param(name):
        if direction == "reverse":
            return getattr(module, f"{name}_l0_reverse").detach()[None]
        return stacked(module, name, D)

    args = [("x", x), ("w_ih", param("weight_ih")),
            ("w_hh", param("weight_hh"))]
    if bias:
        args += [("b_ih", param("bias_ih")), ("b_hh", param("bias_hh"))]
    states = []
    for present, state_name in ((h0, "h0"), (c0, "c0")):
        if present:
            state = torch.randn(D, B, H)
            args.append((state_name, state))
            states.append(f64(state))
        else:
            states.append(torch.zeros(D, B, H, dtype=torch.float64))
    if direction == "reverse":
        states = [torch.cat([torch.zeros_like(s), s]) for s in states]
    init = tuple(states) if kind == "lstm" else states[0]
    if seq_lens is not None:
        args.append(("seq_lens", torch.tensor(seq_lens, dtype=torch.int64)))

    module = module.double().eval()
    with torch.no_grad():
        if seq_lens is not None:
            packed = nn.utils.rnn.pack_padded_sequence(
                f64(x), torch.tensor(seq_lens), batch_first=batch_first,
                enforce_sorted=False)
            out, final = module(packed, init)
            y, _ = nn.utils.rnn.pad_packed_sequence(
                out, batch_first=batch_first, total_length=T)
        else:
            y, final = module(f64(x), init)
    finals = list(final) if kind == "lstm" else [final]
    if direction == "reverse":
        y = y[..., H:]
        finals = [s[1:] for s in finals]
    results = [("y", y), ("h_n", finals[0])]
    if kind == "lstm":
        results.append(("c_n", finals[1]))
    return args, results


def layer_attrs(H, direction=None, batch_first=False, activation=None,
                linear_before_reset=None):
    text = f"hidden_size({H})"
    if direction:
        text += f" direction {direction}"
    if activation:
        text += f" activation {activation}"
    if batch_first:
        text += " batch_first"
    if linear_before_reset is not None:
        text += f" linear_before_reset({str(linear_before_reset).lower()})"
    return text


@case("rnn_odd_sizes", "rnn", """
s2s.rnn (tanh, forward, biases, h0) against nn.RNN with sizes that are no
multiple of a vector width (H=13, I=7, B=5, T=6): catches tiling and
vectorization remainders in the cell contractions and the elementwise step.
""", RNN_TOL, layer_attrs(13, "forward", activation="tanh"))
def _():
    T, B, I, H = 6, 5, 7, 13
    return run_layer("rnn", torch.randn(T, B, I), T, B, I, H, h0=True)


@case("lstm_odd_sizes", "lstm", """
s2s.lstm (forward, biases, h0 and c0) against nn.LSTM with odd sizes
(H=13, I=7, B=5, T=5): the four gates are 13-wide slices of a 52-row
contraction, so a wrong gate offset or a vector remainder shows up here.
""", RNN_TOL, layer_attrs(13))
def _():
    T, B, I, H = 5, 5, 7, 13
    return run_layer("lstm", torch.randn(T, B, I), T, B, I, H, h0=True,
                     c0=True)


@case("gru_odd_sizes", "gru", """
s2s.gru (PyTorch form, forward, biases, h0) against nn.GRU with odd sizes
(H=13, I=7, B=5, T=5): gate slices r, z, n of a 39-row contraction.
""", RNN_TOL, layer_attrs(13))
def _():
    T, B, I, H = 5, 5, 7, 13
    return run_layer("gru", torch.randn(T, B, I), T, B, I, H, h0=True)


@case("rnn_t1_bidir", "rnn", """
s2s.rnn bidirectional over a length-1 sequence (T=1) against nn.RNN: the
loop over time runs once per direction, and the reverse direction's first
step is the forward direction's first step.
""", RNN_TOL, layer_attrs(6, "bidirectional"))
def _():
    T, B, I, H = 1, 3, 5, 6
    return run_layer("rnn", torch.randn(T, B, I), T, B, I, H,
                     direction="bidirectional", h0=True)


@case("lstm_t1", "lstm", """
s2s.lstm over a length-1 sequence (T=1) with h0 and c0 against nn.LSTM:
y is the single step's h, which must equal h_n.
""", RNN_TOL, layer_attrs(6))
def _():
    T, B, I, H = 1, 3, 5, 6
    return run_layer("lstm", torch.randn(T, B, I), T, B, I, H, h0=True,
                     c0=True)


@case("gru_t1_reverse", "gru", """
s2s.gru in the reverse direction over a length-1 sequence (T=1) against the
backward half of a bidirectional nn.GRU: the reversed time index T-1-t must
be 0 on the only step.
""", RNN_TOL, layer_attrs(6, "reverse"))
def _():
    T, B, I, H = 1, 3, 5, 6
    return run_layer("gru", torch.randn(T, B, I), T, B, I, H,
                     direction="reverse", h0=True)


@case("lstm_long_t300", "lstm", """
s2s.lstm over a long sequence (T=300, small sizes B=2, I=3, H=4) against
nn.LSTM: the state is carried through 300 iterations of the time loop, so
an off-by-one in the loop bounds or an error that compounds over time
shows up. The reference is computed in float64; the LSTM's gates are
contracting, so float32 rounding does not grow with T and the usual
recurrent tolerance holds.
""", RNN_TOL, layer_attrs(4))
def _():
    T, B, I, H = 300, 2, 3, 4
    return run_layer("lstm", torch.randn(T, B, I), T, B, I, H, h0=True,
                     c0=True)


@case("lstm_reverse_seqlens", "lstm", """
s2s.lstm in the reverse direction with seq_lens (i64) against the backward
half of a bidirectional nn.LSTM over pack_padded_sequence (unsorted lengths
5, 2, 7, 1 with T=7): each sequence's reverse pass starts at its own last
valid step from h0/c0, y is zero past the length, and h_n/c_n are the
states after the first step (t=0).
""", RNN_TOL, layer_attrs(5, "reverse"))
def _():
    T, B, I, H = 7, 4, 3, 5
    return run_layer("lstm", torch.randn(T, B, I), T, B, I, H,
                     direction="reverse", h0=True, c0=True,
                     seq_lens=[5, 2, 7, 1])


def gru_reference(x, w_ih, w_hh, b_ih, b_hh, h, linear_before_reset):
    """One-direction GRU over x [T, B, I] in torch ops; returns (y, h_n)."""
    H = h.shape[-1]
    ys = []
    for t in range(x.shape[0]):
        gi = x[t] @ w_ih.T + b_ih
        r = torch.sigmoid(gi[:, :H] + h @ w_hh[:H].T + b_hh[:H])
        z = torch.sigmoid(gi[:, H:2 * H] + h @ w_hh[H:2 * H].T +
                          b_hh[H:2 * H])
        if linear_before_reset:
            n = torch.tanh(gi[:, 2 * H:] + r * (h @ w_hh[2 * H:].T +
                                                b_hh[2 * H:]))
        else:
            n = torch.tanh(gi[:, 2 * H:] + (r * h) @ w_hh[2 * H:].T +
                           b_hh[2 * H:])
        h = (1 - z) * n + z * h
        ys.append(h)
    return torch.stack(ys), h


@case("gru_no_linear_before_reset", "gru", """
s2s.gru with linear_before_reset(false), the original GRU (ONNX's default)
whose candidate is tanh(W_in x + b_in + W_hn (r * h) + b_hn), the reset
applied before the n-gate contraction. nn.GRU only has the PyTorch
form, so the reference is written in torch ops (and checked against nn.GRU
in the PyTorch form first). Odd sizes (H=7, I=5, B=3, T=5).
""", RNN_TOL, layer_attrs(7, linear_before_reset=False))
def _():
    T, B, I, H = 5, 3, 5, 7
    x = torch.randn(T, B, I)
    module = nn.GRU(I, H)
    h0 = torch.randn(1, B, H)
    w_ih, w_hh = stacked(module, "weight_ih", 1), stacked(module, "weight_hh", 1)
    b_ih, b_hh = stacked(module, "bias_ih", 1), stacked(module, "bias_hh", 1)
    params = [f64(p[0]) for p in (w_ih, w_hh, b_ih, b_hh)]
    # The hand-written step agrees with nn.GRU in the PyTorch form.
    with torch.no_grad():
        y_torch, _ = module.double()(f64(x), f64(h0))
    y_check, _ = gru_reference(f64(x), *params, f64(h0[0]), True)
    assert torch.allclose(y_check, y_torch, rtol=1e-12, atol=1e-12)
    y, h_n = gru_reference(f64(x), *params, f64(h0[0]), False)
    args = [("x", x), ("w_ih", w_ih), ("w_hh", w_hh), ("b_ih", b_ih),
            ("b_hh", b_hh), ("h0", h0)]
    return args, [("y", y), ("h_n", h_n[None])]


@case("gru_cell_no_linear_before_reset", "gru_cell", """
s2s.gru_cell with linear_before_reset(false): one step of the original GRU,
whose candidate is tanh(W_in x + b_in + W_hn (r * h) + b_hn), against the torch-ops
reference of gru_no_linear_before_reset. Odd sizes (B=5, I=7, H=13).
""", TOL, "linear_before_reset(false)")
def _():
    B, I, H = 5, 7, 13
    module = nn.GRUCell(I, H)
    x, h = torch.randn(B, I), torch.randn(B, H)
    params = [module.weight_ih, module.weight_hh, module.bias_ih,
              module.bias_hh]
    _, h_next = gru_reference(f64(x)[None], *[f64(p) for p in params],
                              f64(h), False)
    args = [("x", x), ("h", h), ("w_ih", params[0]), ("w_hh", params[1]),
            ("b_ih", params[2]), ("b_hh", params[3])]
    return args, [("h_next", h_next)]


@case("gru_batch_first_bidir_seqlens", "gru", """
s2s.gru batch_first, bidirectional, with seq_lens (i64) and h0 against
nn.GRU(batch_first=True, bidirectional=True) over pack_padded_sequence with
unsorted lengths (enforce_sorted=False): y is [B, T, 2H] and zero past each
length, h_n holds each direction's state at its last valid step.
""", RNN_TOL, layer_attrs(7, "bidirectional", batch_first=True))
def _():
    B, T, I, H = 4, 6, 5, 7
    return run_layer("gru", torch.randn(B, T, I), T, B, I, H,
                     direction="bidirectional", batch_first=True, h0=True,
                     seq_lens=[3, 6, 1, 4])


@case("lstm_bidir_seqlens_short", "lstm", """
s2s.lstm bidirectional with seq_lens all shorter than T (3, 6, 1, 5 with
T=9) against nn.LSTM over pack_padded_sequence: the time loop stops after
the longest sequence (6 steps, both directions in it, the reverse one
starting at step 5), and y stays zero for steps 6 to 8.
""", RNN_TOL, layer_attrs(5, "bidirectional"))
def _():
    T, B, I, H = 9, 4, 3, 5
    return run_layer("lstm", torch.randn(T, B, I), T, B, I, H,
                     direction="bidirectional", h0=True, c0=True,
                     seq_lens=[3, 6, 1, 5])


@case("rnn_batch_first_bidir_seqlens_i32", "rnn", """
s2s.rnn (tanh) batch_first, bidirectional, with i32 seq_lens and no h0
against nn.RNN(batch_first=True, bidirectional=True) over
pack_padded_sequence (enforce_sorted=False): y is [B, T, 2H], zero past each
length; h_n at each direction's last valid step.
""", RNN_TOL, layer_attrs(6, "bidirectional", batch_first=True))
def _():
    B, T, I, H = 3, 5, 4, 6
    args, results = run_layer("rnn", torch.randn(B, T, I), T, B, I, H,
                              direction="bidirectional", batch_first=True,
                              seq_lens=[2, 5, 4])
    args = [(n, t.to(torch.int32) if n == "seq_lens" else t) for n, t in args]
    return args, results


@case("lstm_no_bias_no_state", "lstm", """
s2s.lstm bidirectional without b_ih/b_hh and without h0/c0 against
nn.LSTM(bias=False, bidirectional=True) with zero initial states: the
optional operands default to zero biases and zero states.
""", RNN_TOL, layer_attrs(5, "bidirectional"))
def _():
    T, B, I, H = 4, 3, 6, 5
    return run_layer("lstm", torch.randn(T, B, I), T, B, I, H,
                     direction="bidirectional", bias=False)


#===--- cells ------------------------------------------------------------===#

@case("rnn_cell_relu", "rnn_cell", """
s2s.rnn_cell with activation relu against nn.RNNCell(nonlinearity='relu'),
odd sizes (B=5, I=7, H=13): about half of the pre-activations are negative,
so a tanh in place of relu or a missing clamp shows up.
""", TOL, "activation relu")
def _():
    B, I, H = 5, 7, 13
    module = nn.RNNCell(I, H, nonlinearity="relu")
    x, h = torch.randn(B, I), torch.randn(B, H)
    with torch.no_grad():
        h_next = module.double()(f64(x), f64(h))
    args = [("x", x), ("h", h), ("w_ih", module.weight_ih),
            ("w_hh", module.weight_hh), ("b_ih", module.bias_ih),
            ("b_hh", module.bias_hh)]
    return args, [("h_next", h_next)]


@case("lstm_cell_no_bias", "lstm_cell", """
s2s.lstm_cell without b_ih/b_hh against nn.LSTMCell(bias=False), odd sizes
(B=5, I=7, H=11).
""")
def _():
    B, I, H = 5, 7, 11
    module = nn.LSTMCell(I, H, bias=False)
    x, h, c = torch.randn(B, I), torch.randn(B, H), torch.randn(B, H)
    args = [("x", x), ("h", h), ("c", c), ("w_ih", module.weight_ih),
            ("w_hh", module.weight_hh)]
    with torch.no_grad():
        h_next, c_next = module.double()(f64(x), (f64(h), f64(c)))
    return args, [("h_next", h_next), ("c_next", c_next)]


@case("gru_cell_no_bias", "gru_cell", """
s2s.gru_cell without b_ih/b_hh against nn.GRUCell(bias=False), odd sizes
(B=5, I=7, H=11).
""")
def _():
    B, I, H = 5, 7, 11
    module = nn.GRUCell(I, H, bias=False)
    x, h = torch.randn(B, I), torch.randn(B, H)
    args = [("x", x), ("h", h), ("w_ih", module.weight_ih),
            ("w_hh", module.weight_hh)]
    with torch.no_grad():
        h_next = module.double()(f64(x), f64(h))
    return args, [("h_next", h_next)]


#===--- scaled dot-product attention --------------------------------------===#

def sdpa_reference(q, k, v, mask=None, scale=None, causal=False):
    """softmax(q k^T * scale + mask) v in float64 torch ops, with grouped
    query heads, a boolean (true = may attend) or additive mask broadcast to
    [B, H, Tq, Tk], the bottom-right aligned causal mask, and zero rows
    where every key is masked."""
    q, k, v = f64(q), f64(k), f64(v)
    H, Hkv = q.shape[1], k.shape[1]
    k = k.repeat_interleave(H // Hkv, dim=1)
    v = v.repeat_interleave(H // Hkv, dim=1)
    Tq, Tk, D = q.shape[2], k.shape[2], q.shape[3]
    scale = 1.0 / np.sqrt(D) if scale is None else scale
    scores = (q @ k.transpose(-1, -2)) * scale
    allowed = torch.ones(Tq, Tk, dtype=torch.bool)
    if mask is not None:
        if mask.dtype == torch.bool:
            allowed = allowed & mask
        else:
            scores = scores + f64(mask)
    if causal:
        i = torch.arange(Tq)[:, None]
        j = torch.arange(Tk)[None, :]
        allowed = allowed & (j <= i + Tk - Tq)
    allowed = allowed.expand(scores.shape)
    scores = scores.masked_fill(~allowed, float("-inf"))
    probs = torch.softmax(scores, dim=-1)
    # A row with every key masked is NaN in PyTorch; s2s defines it as 0.
    probs = torch.where(allowed.any(-1, keepdim=True), probs,
                        torch.zeros_like(probs))
    return probs @ v


def sdpa_case(shape_q, shape_k, dv, mask=None, scale=None, causal=False):
    B, H, Tq, D = shape_q
    _, Hkv, Tk, _ = shape_k
    q, k = torch.randn(*shape_q), torch.randn(*shape_k)
    v = torch.randn(B, Hkv, Tk, dv)
    args = [("query", q), ("key", k), ("value", v)]
    if mask is not None:
        args.append(("mask", mask))
    out = sdpa_reference(q, k, v, mask, scale, causal)
    return args, [("out", out)]


@case("sdpa_causal_tq_lt_tk", "scaled_dot_product_attention", """
s2s.scaled_dot_product_attention causal with Tq=5 < Tk=9 (a KV cache):
s2s's causal mask is bottom-right aligned (query i may attend key j iff
j <= i + Tk - Tq), unlike PyTorch's top-left is_causal, so the reference
builds that mask explicitly. Odd sizes (H=3, D=7).
""", TOL, "scale(0.25) causal")
def _():
    return sdpa_case((2, 3, 5, 7), (2, 3, 9, 7), 7, scale=0.25, causal=True)


@case("sdpa_causal_tq_gt_tk", "scaled_dot_product_attention", """
s2s.scaled_dot_product_attention causal with Tq=6 > Tk=4: with the
bottom-right aligned causal mask the first Tq-Tk=2 queries see no key at
all, and a query with every key masked produces zeros (not NaN).
""", TOL, "causal")
def _():
    return sdpa_case((1, 2, 6, 8), (1, 2, 4, 8), 8, causal=True)


@case("sdpa_fully_masked_row", "scaled_dot_product_attention", """
s2s.scaled_dot_product_attention with a boolean mask [B,1,Tq,Tk] in which
one query row masks every key: that row's output must be zeros (PyTorch
gives NaN there; the expectation sets it to 0), the other rows are the
usual masked softmax.
""", TOL, "scale(0.35355339059327373)")
def _():
    B, H, Tq, Tk, D = 2, 2, 5, 6, 8
    mask = torch.rand(B, 1, Tq, Tk) > 0.3
    mask[:, :, :, 0] = True
    mask[1, 0, 3, :] = False
    return sdpa_case((B, H, Tq, D), (B, H, Tk, D), D, mask=mask,
                     scale=0.35355339059327373)


@case("sdpa_wide_scores", "scaled_dot_product_attention", """
s2s.scaled_dot_product_attention whose scaled scores span about 200 (scale
3, and an additive mask rising by 0.8 per key): within a row, exp(s - max)
covers the whole f32 range down to exact zeros below -88, and the running
maximum of the tiled lowering jumps by ~100 at the second block of 128
keys, so the first block's sums are rescaled by exp(m - m') ~ 0.
""", TOL, "scale(3.0)")
def _():
    B, H, Tq, Tk, D = 1, 2, 4, 150, 8
    mask = (torch.arange(Tk, dtype=torch.float32) * 0.8).expand(Tq, Tk)
    return sdpa_case((B, H, Tq, D), (B, H, Tk, D), D, mask=mask.clone(),
                     scale=3.0)


@case("sdpa_boolmask_rank2", "scaled_dot_product_attention", """
s2s.scaled_dot_product_attention with a rank-2 boolean mask [Tq, Tk],
broadcast over batch and heads (aligned right).
""", TOL, "scale(0.3)")
def _():
    B, H, Tq, Tk, D = 2, 3, 5, 7, 6
    mask = torch.rand(Tq, Tk) > 0.4
    mask[:, 2] = True
    return sdpa_case((B, H, Tq, D), (B, H, Tk, D), D, mask=mask, scale=0.3)


@case("sdpa_addmask_rank3", "scaled_dot_product_attention", """
s2s.scaled_dot_product_attention with a rank-3 additive mask [H, Tq, Tk]:
aligned right, it varies over heads and broadcasts over the batch (a mask
read as [B, Tq, Tk] would be wrong).
""", TOL, "scale(0.4)")
def _():
    B, H, Tq, Tk, D = 2, 3, 5, 7, 6
    mask = torch.randn(H, Tq, Tk) * 2
    return sdpa_case((B, H, Tq, D), (B, H, Tk, D), D, mask=mask, scale=0.4)


@case("sdpa_dv_ne_d", "scaled_dot_product_attention", """
s2s.scaled_dot_product_attention with a value head size different from the
query/key head size (D=8, Dv=5): the output is [B, H, Tq, Dv].
""", TOL, "scale(0.35355339059327373)")
def _():
    return sdpa_case((2, 2, 4, 8), (2, 2, 6, 8), 5,
                     scale=0.35355339059327373)


@case("sdpa_default_scale", "scaled_dot_product_attention", """
s2s.scaled_dot_product_attention without a scale attribute: the scale is
1/sqrt(D) with D=12 (a wrong default such as 1 or 1/D shows up).
""")
def _():
    return sdpa_case((2, 2, 5, 12), (2, 2, 7, 12), 12)


@case("sdpa_gqa_h6_hkv2", "scaled_dot_product_attention", """
s2s.scaled_dot_product_attention with grouped-query attention, H=6 query
heads over Hkv=2 key/value heads: query head h uses key/value head h / 3
(PyTorch's repeat_interleave), checked with odd Tq=5, Tk=7 and a boolean
mask [B,1,1,Tk] (key padding).
""", TOL, "scale(0.35355339059327373)")
def _():
    B, Tq, Tk, D = 2, 5, 7, 8
    mask = torch.ones(B, 1, 1, Tk, dtype=torch.bool)
    mask[0, :, :, 5:] = False
    mask[1, :, :, 6:] = False
    return sdpa_case((B, 6, Tq, D), (B, 2, Tk, D), D, mask=mask,
                     scale=0.35355339059327373)


#===--- multi-head attention -------------------------------------------===#

def mha_run(module, query, key, value, key_padding_mask=None,
            attn_mask=None, need_weights=True, batch_first=False):
    """nn.MultiheadAttention in float64 with PyTorch's mask conventions
    (boolean: true = masked). Returns (out, avg_weights)."""
    module = module.double().eval()
    with torch.no_grad():
        out, weights = module(
            f64(query), f64(key), f64(value),
            key_padding_mask=key_padding_mask,
            attn_mask=f64(attn_mask) if attn_mask is not None and
            attn_mask.dtype != torch.bool else attn_mask,
            need_weights=need_weights, average_attn_weights=True)
    return out, weights


def randomize_biases(module):
    """nn.MultiheadAttention initializes its biases to zero: give them
    random values so that a dropped bias shows up."""
    with torch.no_grad():
        if module.in_proj_bias is not None:
            module.in_proj_bias.normal_()
        if module.out_proj.bias is not None:
            module.out_proj.bias.normal_()


@case("mha_time_major_kdim_vdim", "multi_head_attention", """
s2s.multi_head_attention time-major (no batch_first: [T, B, E]) with
separate q/k/v projection weights because kdim=6 and vdim=10 differ from
embed_dim=12, biases, a key padding mask and need_weights, against
nn.MultiheadAttention(12, 3, kdim=6, vdim=10). s2s's key_padding_mask is
true = may attend, the inverse of PyTorch's.
""", TOL, "num_heads(3) need_weights")
def _():
    E, heads, kdim, vdim, B, Tq, Tk = 12, 3, 6, 10, 2, 4, 5
    module = nn.MultiheadAttention(E, heads, kdim=kdim, vdim=vdim)
    randomize_biases(module)
    query, key, value = (torch.randn(Tq, B, E), torch.randn(Tk, B, kdim),
                         torch.randn(Tk, B, vdim))
    padding = torch.zeros(B, Tk, dtype=torch.bool)  # PyTorch: true = masked
    padding[1, 3:] = True
    out, weights = mha_run(module, query, key, value,
                           key_padding_mask=padding)
    args = [("query", query), ("key", key), ("value", value),
            ("q_proj_weight", module.q_proj_weight),
            ("k_proj_weight", module.k_proj_weight),
            ("v_proj_weight", module.v_proj_weight),
            ("in_proj_bias", module.in_proj_bias),
            ("out_proj_weight", module.out_proj.weight),
            ("out_proj_bias", module.out_proj.bias),
            ("key_padding_mask", ~padding)]
    return args, [("out", out), ("avg_weights", weights)]


@case("mha_no_bias_bool_attn_mask", "multi_head_attention", """
s2s.multi_head_attention self-attention (batch_first, packed in_proj_weight)
without in_proj_bias/out_proj_bias, with a boolean attn_mask [Tq, Tk] and
without need_weights (one result), against
nn.MultiheadAttention(bias=False). s2s's mask is true = may attend, so it
is the inverse of the PyTorch attn_mask.
""", TOL, "num_heads(2) batch_first")
def _():
    E, heads, B, T = 10, 2, 3, 6
    module = nn.MultiheadAttention(E, heads, bias=False, batch_first=True)
    x = torch.randn(B, T, E)
    masked = torch.rand(T, T) > 0.6  # PyTorch: true = masked
    masked[:, 1] = False
    out, _ = mha_run(module, x, x, x, attn_mask=masked, need_weights=False)
    args = [("query", x), ("in_proj_weight", module.in_proj_weight),
            ("out_proj_weight", module.out_proj.weight),
            ("attn_mask", ~masked)]
    return args, [("out", out)]


@case("mha_float_attn_mask", "multi_head_attention", """
s2s.multi_head_attention cross-attention (time-major, packed weights,
biases) with an additive float attn_mask [Tq, Tk] added to the scaled
scores, and need_weights, against nn.MultiheadAttention.
""", TOL, "num_heads(4) need_weights")
def _():
    E, heads, B, Tq, Tk = 16, 4, 2, 3, 7
    module = nn.MultiheadAttention(E, heads)
    randomize_biases(module)
    query, memory = torch.randn(Tq, B, E), torch.randn(Tk, B, E)
    attn_mask = torch.randn(Tq, Tk) * 2
    out, weights = mha_run(module, query, memory, memory, attn_mask=attn_mask)
    args = [("query", query), ("key", memory), ("value", memory),
            ("in_proj_weight", module.in_proj_weight),
            ("in_proj_bias", module.in_proj_bias),
            ("out_proj_weight", module.out_proj.weight),
            ("out_proj_bias", module.out_proj.bias),
            ("attn_mask", attn_mask)]
    return args, [("out", out), ("avg_weights", weights)]


@case("mha_attn_mask_3d", "multi_head_attention", """
s2s.multi_head_attention self-attention with a per-batch-and-head boolean
attn_mask [B * num_heads, Tq, Tk] (PyTorch's layout: index b * num_heads +
h), batch_first, need_weights, against nn.MultiheadAttention.
""", TOL, "num_heads(3) batch_first need_weights")
def _():
    E, heads, B, T = 9, 3, 2, 5
    module = nn.MultiheadAttention(E, heads, batch_first=True)
    randomize_biases(module)
    x = torch.randn(B, T, E)
    masked = torch.rand(B * heads, T, T) > 0.5  # PyTorch: true = masked
    masked[:, :, 0] = False
    out, weights = mha_run(module, x, x, x, attn_mask=masked)
    args = [("query", x), ("in_proj_weight", module.in_proj_weight),
            ("in_proj_bias", module.in_proj_bias),
            ("out_proj_weight", module.out_proj.weight),
            ("out_proj_bias", module.out_proj.bias),
            ("attn_mask", ~masked)]
    return args, [("out", out), ("avg_weights", weights)]


@case("mha_causal", "multi_head_attention", """
s2s.multi_head_attention self-attention with causal (Tq == Tk, where the
bottom-right aligned mask equals PyTorch's causal mask), time-major,
need_weights, against nn.MultiheadAttention with the explicit upper
triangular attn_mask (PyTorch 1.13's module has no is_causal).
""", TOL, "num_heads(2) causal need_weights")
def _():
    E, heads, B, T = 8, 2, 2, 6
    module = nn.MultiheadAttention(E, heads)
    randomize_biases(module)
    x = torch.randn(T, B, E)
    causal = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)
    out, weights = mha_run(module, x, x, x, attn_mask=causal)
    args = [("query", x), ("in_proj_weight", module.in_proj_weight),
            ("in_proj_bias", module.in_proj_bias),
            ("out_proj_weight", module.out_proj.weight),
            ("out_proj_bias", module.out_proj.bias)]
    return args, [("out", out), ("avg_weights", weights)]


#===--- Seq2Seq attention -----------------------------------------------===#

def attention_reference(score, query, keys, values, w=None, w_query=None,
                        w_keys=None, v=None, mask=None):
    """Luong/Bahdanau attention in float64 torch ops (formulas of
    s2s.attention); returns (context, weights)."""
    q, k, val = f64(query), f64(keys), f64(values)
    if score == "dot":
        scores = q @ k.transpose(1, 2)
    elif score == "general":
        scores = q @ f64(w) @ k.transpose(1, 2)
    else:
        pq = q @ f64(w_query).T  # [B, Tq, A]
        pk = k @ f64(w_keys).T   # [B, Tk, A]
        scores = torch.tanh(pq[:, :, None, :] + pk[:, None, :, :]) @ f64(v)
    if mask is not None:
        scores = scores.masked_fill(~mask.expand(scores.shape), float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    return weights @ val, weights


def attention_case(score, mask_b1tk):
    B, Tq, Tk, Dq, Dv, A = 3, 5, 7, 9, 5, 13
    Dk = 11 if score != "dot" else Dq
    query, keys, values = (torch.randn(B, Tq, Dq), torch.randn(B, Tk, Dk),
                           torch.randn(B, Tk, Dv))
    args = [("query", query), ("keys", keys), ("values", values)]
    params = {}
    if score == "general":
        params = dict(w=torch.randn(Dq, Dk) / np.sqrt(Dk))
    elif score == "additive":
        params = dict(w_query=torch.randn(A, Dq) / np.sqrt(Dq),
                      w_keys=torch.randn(A, Dk) / np.sqrt(Dk),
                      v=torch.randn(A))
    args += list(params.items())
    mask = None
    if mask_b1tk:
        mask = torch.ones(B, 1, Tk, dtype=torch.bool)
        mask[0, 0, 4:] = False
        mask[2, 0, 1:3] = False
        args.append(("mask", mask))
    context, weights = attention_reference(score, query, keys, values,
                                           mask=mask, **params)
    return args, [("context", context), ("weights", weights)]


for _score in ["dot", "general", "additive"]:
    _dk = "Dk=9" if _score == "dot" else "Dk=11"
    case(f"attention_{_score}_odd_nomask", "attention", f"""
s2s.attention {_score} without a mask, odd sizes (B=3, Tq=5, Tk=7, Dq=9,
{_dk}, Dv=5{", A=13" if _score == "additive" else ""}), against the
formula in torch ops: context and alignment weights.
""", pre_attrs=_score)(lambda s=_score: attention_case(s, False))
    case(f"attention_{_score}_mask_b1tk", "attention", f"""
s2s.attention {_score} with a boolean mask [B, 1, Tk] (true = may attend)
broadcast over the queries, as a source padding mask: masked keys get
zero weight. Odd sizes as in attention_{_score}_odd_nomask.
""", pre_attrs=_score)(lambda s=_score: attention_case(s, True))


#===--- building blocks ----------------------------------------------------===#

@case("linear_rank1", "linear", """
s2s.linear on a rank-1 input [In] (a single vector) with bias, against
nn.Linear: the result is [Out]. Odd sizes (In=7, Out=13).
""")
def _():
    module = nn.Linear(7, 13)
    x = torch.randn(7)
    with torch.no_grad():
        y = module.double()(f64(x))
    return [("input", x), ("weight", module.weight),
            ("bias", module.bias)], [("output", y)]


@case("linear_rank4", "linear", """
s2s.linear on a rank-4 input [2, 3, 4, In] with bias, against nn.Linear:
the leading dims are flattened and restored. Odd sizes (In=7, Out=5).
""")
def _():
    module = nn.Linear(7, 5)
    x = torch.randn(2, 3, 4, 7)
    with torch.no_grad():
        y = module.double()(f64(x))
    return [("input", x), ("weight", module.weight),
            ("bias", module.bias)], [("output", y)]


@case("linear_no_bias", "linear", """
s2s.linear without bias on a rank-3 input, against nn.Linear(bias=False),
odd sizes (In=9, Out=11).
""")
def _():
    module = nn.Linear(9, 11, bias=False)
    x = torch.randn(3, 5, 9)
    with torch.no_grad():
        y = module.double()(f64(x))
    return [("input", x), ("weight", module.weight)], [("output", y)]


@case("linear_packed", "linear", """
s2s.linear with bias on [2, 35, In] where the contraction runs as the packed
kernel (70 rows >= pack-min-rows, In and Out multiples of 16): In=272 is a
k block of 256 and one of 16, Out=336 a column block of 256, a narrower one
of 64 and a last panel of 16 columns; 70 rows leave a 4-row tile.
""", (1e-4, 1e-4))
def _():
    module = nn.Linear(272, 336)
    x = torch.randn(2, 35, 272)
    with torch.no_grad():
        y = module.double()(f64(x))
    return [("input", x), ("weight", module.weight),
            ("bias", module.bias)], [("output", y)]


def layer_norm_case(shape, normalized_shape, eps, affine):
    module = nn.LayerNorm(normalized_shape, eps=eps,
                          elementwise_affine=affine)
    if affine:
        with torch.no_grad():
            module.weight.normal_()
            module.bias.normal_()
    # An offset and a scale per row make the mean and variance matter.
    x = torch.randn(*shape) * 3 + 2
    with torch.no_grad():
        y = module.double()(f64(x))
    args = [("input", x)]
    if affine:
        args += [("weight", module.weight), ("bias", module.bias)]
    return args, [("output", y)]


@case("layer_norm_two_dims", "layer_norm", """
s2s.layer_norm over the two trailing dims [4, 5] of a [3, 4, 5] input, with
weight and bias of shape [4, 5] and eps 1e-3, against nn.LayerNorm([4, 5]).
""", TOL, "normalized_shape([4, 5]) eps(1.0e-03)")
def _():
    return layer_norm_case((3, 4, 5), [4, 5], 1e-3, True)


@case("layer_norm_two_dims_no_affine", "layer_norm", """
s2s.layer_norm over the two trailing dims [4, 5] without weight and bias,
eps 1e-3, against nn.LayerNorm([4, 5], elementwise_affine=False).
""", TOL, "normalized_shape([4, 5]) eps(1.0e-03)")
def _():
    return layer_norm_case((3, 4, 5), [4, 5], 1e-3, False)


@case("layer_norm_rank1", "layer_norm", """
s2s.layer_norm of a single vector (rank-1 input [16], normalized_shape
[16]) without weight and bias, against nn.LayerNorm(16,
elementwise_affine=False): no leading dimension at all.
""", TOL, "normalized_shape([16])")
def _():
    return layer_norm_case((16,), [16], 1e-5, False)


@case("layer_norm_all_dims", "layer_norm", """
s2s.layer_norm over every dimension of a [4, 5] input (no leading dims
left), with weight and bias and eps 1e-4, against nn.LayerNorm([4, 5]).
""", TOL, "normalized_shape([4, 5]) eps(1.0e-04)")
def _():
    return layer_norm_case((4, 5), [4, 5], 1e-4, True)


def embedding_case(index_shape, index_dtype, V, E):
    weight = torch.randn(V, E)
    indices = torch.randint(0, V, index_shape)
    indices.view(-1)[0] = 0
    indices.view(-1)[-1] = V - 1
    y = F.embedding(indices, weight)
    return [("indices", indices.to(index_dtype)), ("weight", weight)], \
        [("output", y)]


for _dtype, _rank, _shape in [("i32", 1, (9,)), ("i64", 1, (9,)),
                              ("i32", 3, (2, 3, 4)), ("i64", 3, (2, 3, 4))]:
    case(f"embedding_{_dtype}_rank{_rank}", "embedding", f"""
s2s.embedding with {_dtype} indices of rank {_rank} {list(_shape)} (including
the first and the last row of the table) against F.embedding; compared
exactly, a gather does no arithmetic.
""", EXACT)(lambda s=_shape, d=_dtype: embedding_case(
        s, torch.int32 if d == "i32" else torch.int64, 17, 5))


def argmax_case(x, dim, keepdim=False):
    y = torch.argmax(x, dim=dim, keepdim=keepdim)
    return [("input", x)], [("output", y)]


@case("argmax_dim0", "argmax", """
s2s.argmax along dim 0 of a [7, 5] input against torch.argmax: the reduced
dimension is the outer one.
""", EXACT, "dim(0)")
def _():
    return argmax_case(torch.randn(7, 5), 0)


@case("argmax_dim_neg1", "argmax", """
s2s.argmax along dim -1 (the last) of a [3, 4, 9] input against
torch.argmax: a negative dim counts from the end.
""", EXACT, "dim(-1)")
def _():
    return argmax_case(torch.randn(3, 4, 9), -1)


@case("argmax_keepdim", "argmax", """
s2s.argmax along dim 1 with keepdim of a [3, 4, 9] input against
torch.argmax(keepdim=True): the result is [3, 1, 9].
""", EXACT, "dim(1) keepdim")
def _():
    return argmax_case(torch.randn(3, 4, 9), 1, keepdim=True)


@case("argmax_ties", "argmax", """
s2s.argmax along the last dim of rows with several equal maxima (small
integers, so ties are everywhere) against torch.argmax on CPU: the first
index of the maximum wins.
""", EXACT, "dim(-1)")
def _():
    x = torch.randint(0, 3, (6, 11)).to(torch.float32)
    x[0] = 2.0  # all equal: index 0
    x[1, :] = 0.0
    x[1, [3, 7, 10]] = 1.0  # first maximum at 3
    y = torch.argmax(x, dim=-1)
    assert torch.equal(y, torch.from_numpy(np.argmax(x.numpy(), -1)))
    return [("input", x)], [("output", y)]


@case("argmax_nan", "argmax", """
s2s.argmax along the last dim of a float input containing NaN, +inf and
-inf against torch.argmax: NaN counts as the largest value (its index wins,
the first NaN if there are several), +inf beats every number, and a row of
-inf gives index 0.
""", EXACT, "dim(-1)")
def _():
    x = torch.randn(6, 9)
    nan, inf = float("nan"), float("inf")
    x[0, 4] = nan
    x[1, 2] = nan
    x[1, 6] = nan
    x[2, 0] = inf
    x[2, 8] = nan
    x[3, 5] = inf
    x[3, 7] = inf
    x[4, :] = -inf
    x[5, 8] = nan
    y = torch.argmax(x, dim=-1)
    assert y.tolist() == [4, 2, 8, 5, 0, 8], y.tolist()
    return [("input", x)], [("output", y)]


def log_softmax_case(x, dim):
    y = torch.log_softmax(x.double(), dim=dim)
    return [("input", x)], [("output", y)]


@case("log_softmax_last", "log_softmax", """
s2s.log_softmax along the last dim of a [4, 9] input (logits of spread 3)
against torch.log_softmax in float64.
""", TOL, "dim(-1)")
def _():
    return log_softmax_case(torch.randn(4, 9) * 3, -1)


@case("log_softmax_dim0", "log_softmax", """
s2s.log_softmax along dim 0 of a [5, 3, 4] input against
torch.log_softmax in float64: the normalized dimension is the outer one.
""", TOL, "dim(0)")
def _():
    return log_softmax_case(torch.randn(5, 3, 4), 0)


@case("log_softmax_extreme", "log_softmax", """
s2s.log_softmax of rows with large logits (+-80, where exp overflows
without the shift by the maximum) and -inf entries (masked tokens, which
stay -inf) against torch.log_softmax in float64.
""", TOL, "dim(1)")
def _():
    x = torch.randn(3, 6) * 2
    x[0] = torch.tensor([80.0, 79.5, -80.0, 0.0, 81.0, 80.0])
    x[1, 2] = float("-inf")
    x[2, :5] = float("-inf")
    return log_softmax_case(x, 1)


def top_k_reference(x, k, dim):
    """The top k of x along dim in s2s.top_k's order: descending, equal
    values by lower index (x has no NaN)."""
    moved = x.movedim(dim, -1)
    order = np.argsort(-moved.numpy(), axis=-1, kind="stable")[..., :k]
    indices = torch.from_numpy(np.ascontiguousarray(order))
    values = torch.gather(moved, -1, indices)
    return values.movedim(-1, dim), indices.movedim(-1, dim)


def top_k_case(x, k, dim, distinct):
    values, indices = top_k_reference(x, k, dim)
    if distinct:
        t = torch.topk(x, k, dim=dim, largest=True, sorted=True)
        assert torch.equal(t.values, values) and torch.equal(t.indices,
                                                             indices)
    return [("input", x)], [("values", values), ("indices", indices)]


@case("top_k_last", "top_k", """
s2s.top_k with k = 5 along the last dim of a [3, 50] input of distinct
values against torch.topk (sorted, largest).
""", EXACT, "k(5) dim(-1)")
def _():
    return top_k_case(torch.randn(3, 50), 5, -1, distinct=True)


@case("top_k_dim0_ties", "top_k", """
s2s.top_k with k = 3 along dim 0 of a [6, 7] input of small integers,
+inf and -inf (ties everywhere) against a stable descending sort: of equal
values the lower index comes first.
""", EXACT, "k(3) dim(0)")
def _():
    x = torch.randint(0, 3, (6, 7)).to(torch.float32)
    x[:, 0] = 1.0
    x[2, 1] = float("inf")
    x[4, 1] = float("inf")
    x[:, 2] = float("-inf")
    return top_k_case(x, 3, 0, distinct=False)


@case("top_k_all", "top_k", """
s2s.top_k with k equal to the size of the dimension (a full descending
sort) of a [2, 8] input against torch.topk.
""", EXACT, "k(8) dim(1)")
def _():
    return top_k_case(torch.randn(2, 8), 8, 1, distinct=True)


@case("top_k_beams", "top_k", """
s2s.top_k as beam search uses it: the k = 4 best of the scores of every
continuation of 4 beams over a vocabulary of 15 ([2, 60], two sentences),
log-probabilities summed, against torch.topk.
""", EXACT, "k(4) dim(1)")
def _():
    scores = torch.log_softmax(torch.randn(8, 15) * 2, -1) + \
        torch.randn(8, 1)
    return top_k_case(scores.reshape(2, 60), 4, 1, distinct=True)


def index_select_case(x, indices, dim):
    y = torch.index_select(x, dim, indices.long())
    return [("input", x), ("indices", indices)], [("output", y)]


@case("index_select_dim0", "index_select", """
s2s.index_select along dim 0 of a [5, 3, 4] input with i64 indices that
repeat and skip rows (the reorder of beam search) against
torch.index_select; exact, a gather does no arithmetic.
""", EXACT, "dim(0)")
def _():
    return index_select_case(torch.randn(5, 3, 4),
                             torch.tensor([4, 0, 0, 2, 4, 1]), 0)


@case("index_select_dim_neg1_i32", "index_select", """
s2s.index_select along dim -1 of a [2, 3, 7] input with i32 indices
against torch.index_select.
""", EXACT, "dim(-1)")
def _():
    return index_select_case(torch.randn(2, 3, 7),
                             torch.tensor([6, 1, 1, 0], dtype=torch.int32),
                             -1)


@case("index_select_tokens", "index_select", """
s2s.index_select of an i64 token history [8, 5] along the beam dimension
(dim 0) against torch.index_select: integer tensors are reordered too.
""", EXACT, "dim(0)")
def _():
    return index_select_case(torch.randint(0, 15, (8, 5)),
                             torch.tensor([1, 1, 3, 0, 4, 6, 6, 5]), 0)


@case("index_select_flags", "index_select", """
s2s.index_select of boolean finished flags [8] along dim 0 against
torch.index_select.
""", EXACT, "dim(0)")
def _():
    return index_select_case(torch.rand(8) < 0.5,
                             torch.tensor([7, 7, 2, 0, 1, 3, 3, 4]), 0)


#===----------------------------------------------------------------------===#
# Driver
#===----------------------------------------------------------------------===#

def as_numpy(t):
    t = t.detach()
    if t.dtype == torch.float64:
        t = t.to(torch.float32)
    return t.contiguous().numpy()


def write_case(entry, root):
    torch.manual_seed(seed_for(entry["name"]))
    result = entry["fn"]()
    args, results = result[0], result[1]
    operands = result[2] if len(result) > 2 else {n: n for n, _ in args}
    name = entry["name"]
    folder = os.path.join(root, "Inputs", name)
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    arg_info, result_info = [], []
    for kind, items, info in (("input", args, arg_info),
                              ("output", results, result_info)):
        for item_name, tensor in items:
            array = as_numpy(tensor)
            assert not (kind == "output" and array.dtype == np.float32 and
                        np.isnan(array).any()), f"{name}: NaN in {item_name}"
            np.save(os.path.join(folder, item_name + ".npy"), array)
            info.append((item_name, array.dtype, array.shape))
    rtol, atol = entry["tol"]
    text = emit_mlir(name, name, entry["doc"], entry["op"], entry["attrs"],
                     arg_info, operands, result_info, rtol, atol,
                     entry["pre_attrs"])
    with open(os.path.join(root, name + ".mlir"), "w") as f:
        f.write(text)


def main():
    global torch, nn, F
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*",
                        help="cases to write (default: all)")
    parser.add_argument("--list", action="store_true",
                        help="list the cases and exit")
    options = parser.parse_args()
    if options.list:
        print("\n".join(c["name"] for c in CASES))
        return
    import torch as _torch
    import torch.nn as _nn
    import torch.nn.functional as _F
    torch, nn, F = _torch, _nn, _F
    torch.set_num_threads(1)
    names = {c["name"] for c in CASES}
    unknown = set(options.cases) - names
    if unknown:
        sys.exit(f"unknown cases: {', '.join(sorted(unknown))}")
    for entry in CASES:
        if not options.cases or entry["name"] in options.cases:
            write_case(entry, HERE)
            print("wrote", entry["name"])


if __name__ == "__main__":
    main()

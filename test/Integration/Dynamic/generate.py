#!/usr/bin/env python3
"""Writes the dynamic-shape variant of every numeric test of ../Golden and
../Generated: the same op, inputs and expected results, with the batch and
sequence dimensions of the arguments and results written `?`.

Each variant is derived from the static test's text (no PyTorch needed):
the argument, operand and result types of @main are rewritten by the rules
below, which follow the s2s ops' dynamic dimensions (docs/DynamicShapes.md):

  rnn, lstm, gru        x [T, B, I] / [B, T, I]: T, B; h0, c0: B; seq_lens: B
  *_cell                x, h, c: B
  attention             query, keys, values: B and the length; mask: every
                        dimension that is not 1
  scaled_dot_product    query, key, value: B and the length (not H, D);
  _attention            mask: B, Tq, Tk where not 1
  multi_head_attention  query, key, value: B and the length; masks: every
                        dimension that is not 1
  linear                input: every dimension but the last
  layer_norm            input: the dimensions before normalized_shape
  embedding             indices: every dimension
  argmax                input: every dimension
  log_softmax           input: every dimension
  top_k                 input: every dimension but the one of the top k
  index_select          input and indices: every dimension

Run it after adding or regenerating a static test:

    /usr/bin/python3 test/Integration/Dynamic/generate.py
"""

import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = ["Golden", "Generated"]

# Operands of each op, as ../Generated/generate.py writes them: positional,
# then keyword (`name(%value)`).
POSITIONAL = {
    "rnn": ["x", "w_ih", "w_hh"], "lstm": ["x", "w_ih", "w_hh"],
    "gru": ["x", "w_ih", "w_hh"], "rnn_cell": ["x", "h", "w_ih", "w_hh"],
    "lstm_cell": ["x", "h", "c", "w_ih", "w_hh"],
    "gru_cell": ["x", "h", "w_ih", "w_hh"],
    "attention": ["query", "keys", "values"],
    "scaled_dot_product_attention": ["query", "key", "value"],
    "multi_head_attention": ["query", "key", "value"],
    "linear": ["input", "weight", "bias"], "layer_norm": ["input"],
    "embedding": ["indices", "weight"], "argmax": ["input"],
    "log_softmax": ["input"], "top_k": ["input"],
    "index_select": ["input", "indices"],
}

TENSOR = re.compile(r"tensor<([^>]*)>")


def parse_type(text):
    """'2x?x8xf32' -> ([2, None, 8], 'f32')."""
    parts = text.split("x")
    return [None if p == "?" else int(p) for p in parts[:-1]], parts[-1]


def format_type(dims, elt):
    return "tensor<" + "".join(("?" if d is None else str(d)) + "x"
                               for d in dims) + elt + ">"


def not_one(dims):
    return {i for i, d in enumerate(dims) if d != 1}


def operand_dynamic(op, role, dims, attrs):
    """The dimensions of operand `role` (shape `dims`) written `?`."""
    rank = len(dims)
    if op in ("rnn", "lstm", "gru"):
        return {"x": {0, 1}, "h0": {1}, "c0": {1},
                "seq_lens": {0}}.get(role, set())
    if op.endswith("_cell"):
        return {0} if role in ("x", "h", "c") else set()
    if op == "attention":
        if role in ("query", "keys", "values"):
            return {0, 1}
        return not_one(dims) if role == "mask" else set()
    if op == "scaled_dot_product_attention":
        if role in ("query", "key", "value"):
            return {0, 2}
        if role == "mask":
            # Aligned right with [B, H, Tq, Tk]; H stays static.
            return {i for i in not_one(dims) if 4 - rank + i != 1}
        return set()
    if op == "multi_head_attention":
        if role in ("query", "key", "value"):
            return {0, 1}
        if role in ("key_padding_mask", "attn_mask"):
            return not_one(dims)
        return set()
    if op == "linear":
        return set(range(rank - 1)) if role == "input" else set()
    if op == "layer_norm":
        normalized = re.search(r"normalized_shape\(\[([^\]]*)\]\)", attrs)
        count = len(normalized.group(1).split(","))
        return set(range(rank - count)) if role == "input" else set()
    if op == "embedding":
        return set(range(rank)) if role == "indices" else set()
    if op in ("argmax", "log_softmax", "index_select"):
        return set(range(rank))
    if op == "top_k":
        return set(range(rank)) - {top_k_dim(attrs, rank)}
    raise ValueError(f"no rule for s2s.{op}")


def top_k_dim(attrs, rank):
    """The dimension of s2s.top_k's `dim(...)`, made non-negative."""
    dim = int(re.search(r"dim\((-?\d+)\)", attrs).group(1))
    return dim + rank if dim < 0 else dim


def result_dynamic(op, index, dims, attrs):
    """The dimensions of result `index` written `?`."""
    rank = len(dims)
    if op in ("rnn", "lstm", "gru"):
        return {0, 1} if index == 0 else {1}
    if op.endswith("_cell"):
        return {0}
    if op == "attention":
        return {0, 1} if index == 0 else {0, 1, 2}
    if op == "scaled_dot_product_attention":
        return {0, 2}
    if op == "multi_head_attention":
        return {0, 1} if index == 0 else {0, 1, 2}
    if op in ("linear", "embedding"):
        return set(range(rank - 1))
    if op == "layer_norm":
        return operand_dynamic(op, "input", dims, attrs)
    if op == "argmax":
        return {i for i in range(rank) if dims[i] != 1 or
                "keepdim" not in attrs}
    if op in ("log_softmax", "index_select"):
        return set(range(rank))
    if op == "top_k":
        return set(range(rank)) - {top_k_dim(attrs, rank)}
    raise ValueError(f"no rule for s2s.{op}")


def relax(type_text, dynamic):
    dims, elt = parse_type(type_text)
    return format_type([None if i in dynamic else d
                        for i, d in enumerate(dims)], elt)


def with_row_groups(head):
    """Adds to a layer with seq_lens a second run in row groups of 2 rows:
    with a dynamic batch the last group may be shorter, and a group whose
    sequences have ended is skipped (rnn-block-rows)."""
    lines = head.split("\n")
    first = next(i for i, line in enumerate(lines)
                 if line.startswith("// RUN:"))
    last = first
    while lines[last].rstrip().endswith("\\"):
        last += 1
    run = lines[first:last + 1]
    # The options go before the pipe to FileCheck.
    extra = [line for line in run]
    for i, line in enumerate(extra):
        if "| FileCheck" in line:
            extra[i] = line.replace(
                "| FileCheck",
                "--pipeline-options=rnn-block-rows=2 | FileCheck")
            break
    else:
        raise AssertionError("no FileCheck in the RUN lines")
    return "\n".join(lines[:last + 1] + extra + lines[last + 1:])


def variant(source, path):
    text = open(path).read()
    name = os.path.splitext(os.path.basename(path))[0]
    head, sep, body = text.partition("func.func @main(")
    assert sep, f"{path}: no @main"
    body = sep + body
    op_match = re.search(r"=\s*s2s\.(\w+)\s+(.*?)\n\s*: \(", body, re.S)
    assert op_match, f"{path}: no s2s op"
    op = op_match.group(1)
    operand_text = " ".join(op_match.group(2).split())
    # The operands in order: positional ones up to the first keyword, then
    # `keyword(%value)`.
    roles = []
    positional = iter(POSITIONAL[op])
    for token in re.finditer(r"(\w+)\(%(\w+)\)|%(\w+)", operand_text):
        if token.group(1):
            roles.append((token.group(1), token.group(2)))
        else:
            roles.append((next(positional), token.group(3)))
    args = re.findall(r"%(\w+): (tensor<[^>]*>)",
                      body[:body.index(")")])
    types = TENSOR.findall(body)
    n, k = len(args), len(roles)
    m = (len(types) - n - k) // 3
    assert n + k + 3 * m == len(types), f"{path}: unexpected type list"
    role_of = {arg: role for role, arg in roles}
    new_args = [relax(t[len("tensor<"):-1],
                      operand_dynamic(op, role_of.get(a, ""),
                                      parse_type(t[len("tensor<"):-1])[0],
                                      operand_text))
                for a, t in args]
    arg_type = {a: new for (a, _), new in zip(args, new_args)}
    results = types[n:n + m]
    new_results = [relax(t, result_dynamic(op, i, parse_type(t)[0],
                                           operand_text))
                   for i, t in enumerate(results)]
    new_operands = [arg_type[a] for _, a in roles]
    new_types = iter(new_args + new_results + new_operands + new_results +
                     new_results)
    body = TENSOR.sub(lambda _: next(new_types), body)
    head = head.replace("%S/Inputs/", f"%S/../{source}/Inputs/")
    if any(role == "seq_lens" for role, _ in roles):
        head = with_row_groups(head)
    header = (f"// Dynamic-shape variant of {source}/{name}.mlir, written by\n"
              "// Dynamic/generate.py: the same inputs and expected results, "
              "with the\n// batch and sequence dimensions of @main written "
              "`?`. The original test's\n// description:\n//\n")
    return header + head + body


def main():
    written = 0
    for source in SOURCES:
        for path in sorted(glob.glob(os.path.join(HERE, "..", source,
                                                  "*.mlir"))):
            name = os.path.basename(path)
            out = os.path.join(HERE, f"{source.lower()}_{name}")
            with open(out, "w") as f:
                f.write(variant(source, path))
            written += 1
    print(f"wrote {written} tests", file=sys.stderr)


if __name__ == "__main__":
    main()

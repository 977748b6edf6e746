#!/usr/bin/python3
"""NumPy reference of examples/transformer/transformer_encoder_layer.mlir.

Loads the golden inputs (examples/transformer/data/, or a directory given as
the first argument), recomputes y following exactly the ops of the .mlir
model, and compares it with the golden y at the manifest's tolerance
(|got - want| <= atol + rtol * |want|). Exit status 0 on a match, 1
otherwise.

Runs with /usr/bin/python3 (NumPy only).
"""

import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def linear(x, w, b):
    """s2s.linear: y = x W^T + b."""
    return x @ w.T + b


def layer_norm(x, weight, bias, eps):
    """s2s.layer_norm over the last dimension, biased variance."""
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def multi_head_attention(x, in_proj_weight, in_proj_bias, out_proj_weight,
                         out_proj_bias, key_padding_mask, num_heads):
    """s2s.multi_head_attention, self-attention, packed weights, batch_first.

    key_padding_mask : [B, T] bool, true = may attend. A query whose keys are
    all masked gets zeros.
    """
    B, T, E = x.shape
    D = E // num_heads
    qkv = linear(x, in_proj_weight, in_proj_bias)            # [B, T, 3E]
    q, k, v = np.split(qkv, 3, axis=-1)

    def heads(t):                                            # [B, H, T, D]
        return t.reshape(B, T, num_heads, D).transpose(0, 2, 1, 3)

    q, k, v = heads(q), heads(k), heads(v)
    s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(D)             # [B, H, T, T]
    allowed = key_padding_mask[:, None, None, :]
    s = np.where(allowed, s, -np.inf)
    m = s.max(axis=-1, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)
    p = np.where(allowed, np.exp(s - m), 0.0)
    denom = p.sum(axis=-1, keepdims=True)
    p = np.divide(p, denom, out=np.zeros_like(p), where=denom > 0)
    o = (p @ v).transpose(0, 2, 1, 3).reshape(B, T, E)       # [B, T, E]
    return linear(o, out_proj_weight, out_proj_bias)


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "data")
    with open(os.path.join(data, "manifest.json")) as f:
        manifest = json.load(f)
    args = [np.load(os.path.join(data, i["file"])) for i in manifest["inputs"]]
    (x, key_padding_mask,
     in_proj_weight, in_proj_bias, out_proj_weight, out_proj_bias,
     linear1_weight, linear1_bias, linear2_weight, linear2_bias,
     norm1_weight, norm1_bias, norm2_weight, norm2_bias) = args
    want = np.load(os.path.join(data, manifest["outputs"][0]["file"]))
    attrs = manifest["attrs"]
    eps = attrs["layer_norm_eps"]

    # Self-attention block (post-norm).
    attn = multi_head_attention(x, in_proj_weight, in_proj_bias,
                                out_proj_weight, out_proj_bias,
                                key_padding_mask, attrs["nhead"])
    x1 = layer_norm(x + attn, norm1_weight, norm1_bias, eps)  # arith.addf
    # Feed-forward block; relu = arith.maximumf with a zero tensor.
    ff1 = linear(x1, linear1_weight, linear1_bias)
    relu = np.maximum(ff1, np.zeros_like(ff1))
    ff2 = linear(relu, linear2_weight, linear2_bias)
    y = layer_norm(x1 + ff2, norm2_weight, norm2_bias, eps)

    rtol, atol = manifest["rtol"], manifest["atol"]
    err = np.abs(y - want)
    ok = y.shape == want.shape and bool(np.all(err <= atol + rtol * np.abs(want)))
    worst = np.unravel_index(np.argmax(err), err.shape)
    print("y: shape %s, dtype %s" % (y.shape, y.dtype))
    print("max abs error %.3g at %s (got %.7g, want %.7g)"
          % (err.max(), tuple(int(i) for i in worst), y[worst], want[worst]))
    print("match (rtol %g, atol %g): %s" % (rtol, atol, ok))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Rounds f32 arrays to the nearest bf16 value (ties to even), kept as f32.

    round_bf16.py OUT_DIR a.npy [b.npy ...]

writes OUT_DIR/a.npy, ...: each element rounded as `arith.truncf` to bf16
rounds it, then widened back. The BF16 tests run the f32 pipeline on these
to get what `bf16-weights` must compute from the original weights. Needs
numpy only.
"""
import os
import sys

import numpy as np


def round_to_bf16(values):
    bits = np.ascontiguousarray(values, dtype=np.float32).view(np.uint32)
    bits = bits.astype(np.uint64)
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) & 0xFFFF0000
    out = rounded.astype(np.uint32).view(np.float32)
    # NaNs stay NaNs (the bias above could carry one into infinity).
    return np.where(np.isnan(values), values, out).reshape(values.shape)


def main():
    out_dir, files = sys.argv[1], sys.argv[2:]
    os.makedirs(out_dir, exist_ok=True)
    for path in files:
        values = np.load(path)
        if values.dtype != np.float32:
            sys.exit(f"{path}: expected float32, found {values.dtype}")
        np.save(os.path.join(out_dir, os.path.basename(path)),
                round_to_bf16(values))


if __name__ == "__main__":
    main()

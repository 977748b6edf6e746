"""Compiles the Seq2Seq example (examples/seq2seq) with its weights bound,
decodes the bundled sentences and compares the tokens with the golden ones.

    run_seq2seq.py MODEL.mlir DATA_DIR
"""

import glob
import os
import sys

import numpy as np
import s2s

model, data = sys.argv[1:3]
arrays = {os.path.basename(p)[:-4]: np.load(p)
          for p in glob.glob(os.path.join(data, "*.npy"))}
src, want = arrays.pop("src"), arrays.pop("tokens")
decode = s2s.compile(model, bind=arrays)
print("inputs:", decode.input_names)
tokens = decode(src=src)
print("tokens:", tokens.tolist())
print("tokens match:", np.array_equal(tokens, want))

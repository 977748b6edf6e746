#!/usr/bin/python3
"""Writes the reference decodings of examples/dates/data/ from the committed
weights (examples/dates/weights/; no training).

For 8 fixed sentences (every format, source lengths 10..40):
  src.npy [T, 8] int64 (time-major, PAD = 0), src_lens.npy [8] int64,
  sentences.txt, expected.txt (the ISO dates),
  greedy_tokens.npy [12, 8]           greedy, max_len from vocab.json (12)
  greedy_steps.npy []                 the number of steps greedy ran
  beam_tokens.npy [12, 8]             beam search k=4, alpha=1.0: best beam
  beam_all_tokens.npy [12, 8, 4]      every beam's tokens
  beam_steps.npy []                   the number of steps beam search ran
  beam_scores.npy [8, 4] float32      the beams' final log-probabilities
The token arrays have max_len rows, PAD past the steps run (model.py's
to_capacity: the form the compiled entry points return).
and the same with max_len = 7 (no sentence reaches EOS within the budget):
  greedy_tokens_max7.npy, greedy_steps_max7.npy, beam_tokens_max7.npy,
  beam_all_tokens_max7.npy, beam_steps_max7.npy, beam_scores_max7.npy
  (still 12 rows: 7 steps run, then PAD).
plus manifest.json (file list, attributes).

Checks that the full-length decodings spell the expected dates; exit status
1 otherwise.

    /usr/bin/python3 examples/dates/make_reference.py
"""

import datetime
import json
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import dates  # noqa: E402
from model import DateTranslator, beam_search, greedy, to_capacity  # noqa: E402

WEIGHTS = os.path.join(HERE, "weights")
DATA = os.path.join(HERE, "data")
K, ALPHA, SHORT = 4, 1.0, 7

SENTENCES = [
    "the 4th of july two thousand four",          # fmt 5, year 2004
    "march 23, 1999",                             # fmt 0
    "1 may 2000",                                 # fmt 1, the shortest
    "the twenty-seventh of september 1952",       # fmt 2
    "wednesday, february 29th 2040",              # fmt 3, leap day
    "december 31st, nineteen oh five",            # fmt 4, year 1905
    "the 11th of november twenty eighty-eight",   # fmt 5, year 2088
    "the 1st of january nineteen hundred",        # fmt 5, year 1900
]
EXPECTED = ["2004-07-04", "1999-03-23", "2000-05-01", "1952-09-27",
            "2040-02-29", "1905-12-31", "2088-11-11", "1900-01-01"]


def load_model():
    with open(os.path.join(WEIGHTS, "vocab.json")) as f:
        vocab = json.load(f)
    s = vocab["sizes"]
    model = DateTranslator(s["src_vocab"], s["tgt_vocab"], s["E"], s["H"], s["A"])
    state = {name: torch.from_numpy(
                 np.load(os.path.join(WEIGHTS, name.replace(".", "_") + ".npy")))
             for name in model.state_dict()}
    model.load_state_dict(state)
    return model.eval(), vocab


def main():
    torch.set_num_threads(1)
    model, vocab = load_model()
    max_len = vocab["max_len"]
    assert len(SENTENCES) == 8
    for s, e in zip(SENTENCES, EXPECTED):
        datetime.date.fromisoformat(e)             # a valid date
        assert len(s) <= dates.MAX_SRC_LEN

    src_np, lens_np = dates.encode_source(SENTENCES)
    src, lens = torch.from_numpy(src_np), torch.from_numpy(lens_np)
    os.makedirs(DATA, exist_ok=True)

    def save(name, array):
        np.save(os.path.join(DATA, name), array)

    save("src.npy", src_np)
    save("src_lens.npy", lens_np)
    with open(os.path.join(DATA, "sentences.txt"), "w") as f:
        f.write("\n".join(SENTENCES) + "\n")
    with open(os.path.join(DATA, "expected.txt"), "w") as f:
        f.write("\n".join(EXPECTED) + "\n")

    ok = True
    files = {}
    for suffix, budget in (("", max_len), ("_max%d" % SHORT, SHORT)):
        g = greedy(model, src, lens, budget).numpy()
        b, all_b, scores = (t.numpy() for t in
                            beam_search(model, src, lens, K, budget, ALPHA))
        assert g.dtype == b.dtype == all_b.dtype == np.int64
        assert scores.dtype == np.float32
        g_full, g_steps = to_capacity(g, max_len)
        b_full, b_steps = to_capacity(b, max_len)
        all_b_full, _ = to_capacity(all_b, max_len)
        names = {"greedy_tokens": g_full, "greedy_steps": g_steps,
                 "beam_tokens": b_full, "beam_all_tokens": all_b_full,
                 "beam_steps": b_steps, "beam_scores": scores}
        for name, array in names.items():
            save(name + suffix + ".npy", array)
            files[name + suffix] = {"file": name + suffix + ".npy",
                                    "dtype": str(array.dtype),
                                    "shape": list(array.shape)}
        print("max_len %d: greedy ran %d steps, beam search %d steps"
              % (budget, g.shape[0], b.shape[0]))
        gs, bs = dates.decode_batch(g), dates.decode_batch(b)
        for s, want, gd, bd, sc in zip(SENTENCES, EXPECTED, gs, bs, scores):
            print("  %-42s greedy %-10s beam %-10s scores %s"
                  % (s, gd, bd, np.array2string(sc, precision=4)))
            if budget == max_len:
                ok &= gd == want and bd == want
            else:
                ok &= gd == want[:budget] and bd == want[:budget]
        if budget == max_len:
            # Every sentence ends with EOS on step 11, then the loop stops.
            ok &= g.shape[0] == 11 and bool((g[10] == dates.EOS).all())
        else:
            ok &= g.shape[0] == budget and not (g == dates.EOS).any()

    manifest = {
        "case": "dates_decoding",
        "attrs": {"pad": dates.PAD, "bos": dates.BOS, "eos": dates.EOS,
                  "max_len": max_len, "max_len_short": SHORT,
                  "beam_k": K, "beam_alpha": ALPHA},
        "weights": "../weights (state_dict names with '.' -> '_')",
        "inputs": {"src": {"file": "src.npy", "dtype": "int64",
                           "shape": list(src_np.shape)},
                   "src_lens": {"file": "src_lens.npy", "dtype": "int64",
                                "shape": list(lens_np.shape)}},
        "outputs": files,
        "tolerance": "tokens exact; beam_scores rtol 1e-4, atol 1e-4",
    }
    with open(os.path.join(DATA, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    print("wrote", DATA, "- decodings", "correct" if ok else "WRONG")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Writes examples/dates/data/untrained/: reference decodings of an UNTRAINED
DateTranslator, whose sentences stop at different steps.

The trained model always writes 10 characters and EOS, so in a batch every
sentence ends on the same step. This set exercises the other cases: a batch
where sentences emit EOS on different steps (their later tokens are PAD while
the others go on), sentences that never emit EOS within max_len, and beam
searches whose best hypotheses have different lengths.

The model has the sizes and vocabularies of the trained one (read from
weights/vocab.json) but the random PyTorch initialization of
torch.manual_seed(seed); the output layer (out.weight and out.bias) is then
multiplied by SCALE, which sharpens the distributions (argmax unchanged,
log-probability gaps wider) without changing which token wins. The source
batch is random too: B = 5 sentences of distinct lengths in [3, 20], tokens
in [1, src_vocab), time-major [T, B] padded with 0, T = the longest.

The seed is the first in SEEDS (searched in order, deterministic) for which
  greedy (max_len 12):  >= 3 distinct steps at which a sentence emits EOS,
                        and >= 1 sentence without EOS;
  beam (k 4, alpha 1):  the best hypotheses have >= 2 distinct lengths;
and no decision is close to a tie (every margin > MIN_GAP):
  greedy: top1 - top2 logit of every unfinished sentence at every step;
  beam:   at every step, for every sentence, the gaps between consecutive
          candidates among the k + 1 best (so the k-th vs (k+1)-th gap and
          the order of the k kept ones);
          the final normalized scores of the best and second-best beam.
The margins are measured on the reference decoders of model.py themselves
(their logits and their top-k sort are recorded while they run).

Writes to data/untrained/: the 15 weight files (names as in weights/),
src.npy [T, 5], src_lens.npy [5], greedy_tokens.npy [12, 5] and
greedy_steps.npy [], beam_tokens.npy [12, 5], beam_all_tokens.npy
[12, 5, 4], beam_steps.npy [], beam_scores.npy [5, 4] float32 (token arrays
of max_len rows, PAD past the steps run, as model.py's to_capacity) and
manifest.json (seed, scale, stop steps, margins, shapes).

    /usr/bin/python3 examples/dates/make_untrained_reference.py
"""

import contextlib
import json
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from model import (BOS, EOS, PAD, DateTranslator, beam_search,  # noqa: E402
                   greedy, to_capacity)

VOCAB = os.path.join(HERE, "weights", "vocab.json")
OUT = os.path.join(HERE, "data", "untrained")

B, K, ALPHA, MAX_LEN = 5, 4, 1.0, 12
MIN_SRC, MAX_SRC = 3, 20          # source lengths, inclusive, all distinct
SCALE = 10.0                      # multiplies out.weight and out.bias
MIN_GAP = 5e-3                    # every decision margin must exceed this
SEEDS = range(2000)


def build(seed, sizes):
    """The untrained model and source batch of `seed`."""
    torch.manual_seed(seed)
    model = DateTranslator(sizes["src_vocab"], sizes["tgt_vocab"],
                           sizes["E"], sizes["H"], sizes["A"]).eval()
    with torch.no_grad():
        model.out.weight.mul_(SCALE)
        model.out.bias.mul_(SCALE)
    g = torch.Generator().manual_seed(seed)
    lens = torch.randperm(MAX_SRC - MIN_SRC + 1, generator=g)[:B] + MIN_SRC
    T = int(lens.max())
    src = torch.randint(1, sizes["src_vocab"], (T, B), generator=g)
    src[torch.arange(T)[:, None] >= lens[None, :]] = PAD
    return model, src, lens


@contextlib.contextmanager
def recording_logits(model, log):
    """Appends the logits of every model.step call to `log`."""
    step = model.step

    def recorded(*args, **kwargs):
        logits, h = step(*args, **kwargs)
        log.append(logits.clone())
        return logits, h

    model.step = recorded
    try:
        yield
    finally:
        del model.step                 # back to the class's method


@contextlib.contextmanager
def recording_topk(log):
    """Appends the sorted candidate scores [B, k*V] of every beam-search step
    to `log`: beam_search's only float 2-D torch.sort (pack_padded_sequence
    also calls torch.sort, on the 1-D int64 lengths)."""
    sort = torch.sort

    def recorded(*args, **kwargs):
        vals, idx = sort(*args, **kwargs)
        if vals.dim() == 2 and vals.is_floating_point():
            log.append(vals.clone())
        return vals, idx

    torch.sort = recorded
    try:
        yield
    finally:
        torch.sort = sort


def stop_steps(tokens):
    """tokens [steps, n] -> for each column the 1-based step of its first
    EOS, None if it has none."""
    out = []
    for col in tokens.T:
        eos = np.flatnonzero(col == EOS)
        out.append(int(eos[0]) + 1 if eos.size else None)
    return out


def decode(model, src, lens):
    """Both decoders, with their stop steps and decision margins."""
    logits = []
    with recording_logits(model, logits):
        g = greedy(model, src, lens, MAX_LEN).numpy()
    # Greedy margins: top1 - top2 of the sentences unfinished at each step.
    greedy_gap = float("inf")
    for t, lg in enumerate(logits):
        unfinished = ~(g[:t] == EOS).any(0)
        top2 = lg.topk(2, 1).values
        greedy_gap = min(greedy_gap, float((top2[:, 0] - top2[:, 1])
                                           [torch.from_numpy(unfinished)].min()))

    sorted_cands = []
    with recording_topk(sorted_cands):
        best, all_tokens, scores = (t.numpy() for t in
                                    beam_search(model, src, lens, K, MAX_LEN, ALPHA))
    assert len(sorted_cands) == all_tokens.shape[0]
    # Gaps between consecutive candidates among the k + 1 best (a sentence
    # whose beams are all finished has k finite candidates: gap inf there).
    kth_gap = adjacent_gap = float("inf")
    for vals in sorted_cands:
        d = (vals[:, :K] - vals[:, 1:K + 1]).numpy()
        assert not np.isnan(d).any()
        kth_gap = min(kth_gap, float(d[:, K - 1].min()))
        adjacent_gap = min(adjacent_gap, float(d.min()))
    # Final choice: scores / length ** alpha (length as in beam_search).
    beam_stops = [stop_steps(all_tokens[:, b]) for b in range(B)]  # [B][k]
    length = np.array([[MAX_LEN if s is None else s for s in row]
                       for row in beam_stops], dtype=np.float32)
    norm = np.sort(scores / length ** np.float32(ALPHA), 1)[:, ::-1]
    final_gap = float((norm[:, 0] - norm[:, 1]).min())
    return {
        "greedy": g, "beam": best, "beam_all": all_tokens, "scores": scores,
        "greedy_stops": stop_steps(g), "beam_stops": stop_steps(best),
        "beam_all_stops": beam_stops,
        "margins": {"greedy_top1_top2": greedy_gap,
                    "beam_kth_vs_k1th": kth_gap,
                    "beam_adjacent_topk1": adjacent_gap,
                    "beam_final_best_vs_second": final_gap},
    }


def acceptable(r):
    g_eos = [s for s in r["greedy_stops"] if s is not None]
    beam_lengths = [MAX_LEN if s is None else s for s in r["beam_stops"]]
    return (len(set(g_eos)) >= 3 and None in r["greedy_stops"]
            and len(set(beam_lengths)) >= 2
            and min(r["margins"].values()) > MIN_GAP)


def main():
    torch.set_num_threads(1)
    with open(VOCAB) as f:
        sizes = json.load(f)["sizes"]
    for seed in SEEDS:
        model, src, lens = build(seed, sizes)
        r = decode(model, src, lens)
        if acceptable(r):
            break
    else:
        print("no seed in", SEEDS, "meets the conditions")
        return 1

    os.makedirs(OUT, exist_ok=True)

    def save(name, array):
        np.save(os.path.join(OUT, name), array)

    for name, tensor in model.state_dict().items():
        save(name.replace(".", "_") + ".npy",
             tensor.detach().numpy().astype(np.float32))
    src_np, lens_np = src.numpy(), lens.numpy()
    save("src.npy", src_np)
    save("src_lens.npy", lens_np)
    # Token arrays with MAX_LEN rows, PAD past the steps run, and the steps
    # (model.py's to_capacity: the form the compiled entry points return).
    greedy_full, greedy_steps = to_capacity(r["greedy"], MAX_LEN)
    beam_full, beam_steps = to_capacity(r["beam"], MAX_LEN)
    beam_all_full, _ = to_capacity(r["beam_all"], MAX_LEN)
    outputs = {"greedy_tokens": greedy_full, "greedy_steps": greedy_steps,
               "beam_tokens": beam_full, "beam_all_tokens": beam_all_full,
               "beam_steps": beam_steps, "beam_scores": r["scores"]}
    assert all(a.dtype == np.int64 for a in list(outputs.values())[:5])
    assert r["scores"].dtype == np.float32
    for name, array in outputs.items():
        save(name + ".npy", array)

    manifest = {
        "case": "dates_decoding_untrained",
        "seed": seed, "scale": SCALE, "min_gap": MIN_GAP,
        "attrs": {"pad": PAD, "bos": BOS, "eos": EOS, "max_len": MAX_LEN,
                  "beam_k": K, "beam_alpha": ALPHA},
        "weights": ". (state_dict names with '.' -> '_'; sizes as "
                   "../../weights/vocab.json)",
        "inputs": {"src": {"file": "src.npy", "dtype": "int64",
                           "shape": list(src_np.shape)},
                   "src_lens": {"file": "src_lens.npy", "dtype": "int64",
                                "shape": list(lens_np.shape)}},
        "outputs": {name: {"file": name + ".npy", "dtype": str(a.dtype),
                           "shape": list(a.shape)}
                    for name, a in outputs.items()},
        "stop_steps": {"greedy": r["greedy_stops"],
                       "beam_best": r["beam_stops"],
                       "beam_all": r["beam_all_stops"],
                       "note": "1-based step of the first EOS, null = none "
                               "within max_len"},
        "margins": {k: round(v, 6) for k, v in r["margins"].items()},
        "tolerance": "tokens exact; beam_scores rtol 1e-4, atol 1e-4",
    }
    with open(os.path.join(OUT, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")

    print("seed %d, scale %g, src_lens %s" % (seed, SCALE, lens_np.tolist()))
    print("greedy ran %d steps, stop steps %s"
          % (r["greedy"].shape[0], r["greedy_stops"]))
    print("beam ran %d steps, best stop steps %s"
          % (r["beam"].shape[0], r["beam_stops"]))
    print("margins", {k: round(v, 4) for k, v in r["margins"].items()})
    print("wrote", OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())

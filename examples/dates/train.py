#!/usr/bin/python3
"""Trains the date translator and saves its weights.

Teacher forcing, cross-entropy, Adam, batches of 64 drawn from
random.Random(TRAIN_SEED). Every EVAL_EVERY steps the model decodes 1000
held-out dates greedily (random.Random(HELDOUT_SEED); their dates never occur
in training); training stops once the exact-match accuracy reaches TARGET, or
after MAX_STEPS steps or TIME_BUDGET seconds. Runs on one thread.

Writes examples/dates/weights/: each state_dict tensor as float32 .npy, named
with '.' replaced by '_' (enc.weight_ih_l0 -> enc_weight_ih_l0.npy), plus
vocab.json (vocabularies, special ids, decoding length, sizes, and the
measured accuracy and training time).

    /usr/bin/python3 examples/dates/train.py
"""

import json
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import dates  # noqa: E402
from model import DateTranslator, beam_search, greedy  # noqa: E402

E, H, A = 32, 64, 32
BATCH = 64
LR = 3e-3
CLIP = 1.0
TRAIN_SEED, HELDOUT_SEED, TORCH_SEED = 0, 1, 0
HELDOUT = 1000
TARGET = 0.995
EVAL_EVERY = 250
MAX_STEPS = 20000
TIME_BUDGET = 14 * 60          # seconds, training loop included evaluation
MAX_LEN = 12                   # decoding budget: 10 characters + EOS + 1
BEAM_K, BEAM_ALPHA = 4, 1.0

WEIGHTS = os.path.join(HERE, "weights")


def heldout_set():
    rng = random.Random(HELDOUT_SEED)
    pairs = [dates.draw(rng) for _ in range(HELDOUT)]
    return [s for s, _ in pairs], [t for _, t in pairs]


def accuracy(model, sentences, isos, beam=False, chunk=250):
    model.eval()
    right = 0
    for i in range(0, len(sentences), chunk):
        src, lens = dates.encode_source(sentences[i:i + chunk])
        src, lens = torch.from_numpy(src), torch.from_numpy(lens)
        if beam:
            tokens = beam_search(model, src, lens, BEAM_K, MAX_LEN, BEAM_ALPHA)[0]
        else:
            tokens = greedy(model, src, lens, MAX_LEN)
        got = dates.decode_batch(tokens.numpy())
        right += sum(g == t for g, t in zip(got, isos[i:i + chunk]))
    model.train()
    return right / len(sentences)


def save(model, info):
    os.makedirs(WEIGHTS, exist_ok=True)
    for name, tensor in model.state_dict().items():
        np.save(os.path.join(WEIGHTS, name.replace(".", "_") + ".npy"),
                tensor.detach().numpy().astype(np.float32))
    vocab = {
        "source_chars": dates.SOURCE_CHARS,
        "source_pad": dates.SRC_PAD,
        "target_tokens": dates.TARGET_TOKENS,
        "pad": dates.PAD, "bos": dates.BOS, "eos": dates.EOS,
        "max_len": MAX_LEN,
        "max_src_len": dates.MAX_SRC_LEN,
        "sizes": {"E": E, "H": H, "A": A,
                  "src_vocab": dates.SRC_VOCAB, "tgt_vocab": dates.TGT_VOCAB},
        "training": info,
    }
    with open(os.path.join(WEIGHTS, "vocab.json"), "w") as f:
        json.dump(vocab, f, indent=1)
        f.write("\n")


def main():
    torch.set_num_threads(1)
    torch.manual_seed(TORCH_SEED)
    held_src, held_iso = heldout_set()
    held_dates = set(held_iso)
    rng = random.Random(TRAIN_SEED)

    def batch():
        src, iso = [], []
        while len(src) < BATCH:
            s, t = dates.draw(rng)
            if t in held_dates:
                continue
            src.append(s)
            iso.append(t)
        x, lens = dates.encode_source(src)
        tgt = dates.encode_target(iso)                     # [L+1, B]
        tgt_in = np.concatenate(
            [np.full((1, BATCH), dates.BOS, np.int64), tgt[:-1]], 0)
        return (torch.from_numpy(x), torch.from_numpy(lens),
                torch.from_numpy(tgt_in), torch.from_numpy(tgt))

    model = DateTranslator(dates.SRC_VOCAB, dates.TGT_VOCAB, E, H, A)
    opt = torch.optim.Adam(model.parameters(), lr=LR)
    start = time.time()
    acc, step, loss_avg = 0.0, 0, None
    while step < MAX_STEPS and time.time() - start < TIME_BUDGET:
        src, lens, tgt_in, tgt = batch()
        logits = model(src, lens, tgt_in)
        loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]),
                               tgt.reshape(-1), ignore_index=dates.PAD)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), CLIP)
        opt.step()
        step += 1
        loss_avg = loss.item() if loss_avg is None else 0.98 * loss_avg + 0.02 * loss.item()
        if step % EVAL_EVERY == 0:
            acc = accuracy(model, held_src, held_iso)
            print("step %5d  %6.1fs  loss %.4f  held-out greedy %.3f"
                  % (step, time.time() - start, loss_avg, acc), flush=True)
            if acc >= TARGET:
                break
    train_time = time.time() - start
    if step % EVAL_EVERY:
        acc = accuracy(model, held_src, held_iso)
    beam_acc = accuracy(model, held_src, held_iso, beam=True)
    n_params = sum(p.numel() for p in model.parameters())
    info = {"steps": step, "batch": BATCH, "seconds": round(train_time, 1),
            "threads": 1, "heldout": HELDOUT,
            "greedy_accuracy": acc, "beam_accuracy": beam_acc,
            "beam_k": BEAM_K, "beam_alpha": BEAM_ALPHA,
            "parameters": n_params}
    print("trained %d steps in %.1fs; held-out exact match: greedy %.3f, "
          "beam(k=%d) %.3f; %d parameters"
          % (step, train_time, acc, BEAM_K, beam_acc, n_params))
    for s, t, g in zip(held_src, held_iso,
                       dates.decode_batch(greedy(model.eval(),
                           *map(torch.from_numpy, dates.encode_source(held_src)),
                           MAX_LEN).numpy())):
        if g != t:
            print("  miss: %-48s -> %s (want %s)" % (s, g, t))
    save(model, info)
    print("saved", WEIGHTS)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""The date translator (GRU encoder, Bahdanau attention, GRUCell decoder) and
the reference decoders: greedy and beam search.

The decoders define the semantics a compiled model must reproduce token for
token; everything runs in float32.

Shapes: T source length, B batch, H hidden, A attention, V target vocabulary,
k beam width. Sources are time-major ([T, B] int64), lens [B] int64.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

PAD, BOS, EOS = 0, 1, 2


class DateTranslator(nn.Module):
    def __init__(self, src_vocab, tgt_vocab, E=32, H=128, A=64):
        super().__init__()
        self.src_emb = nn.Embedding(src_vocab, E)
        self.tgt_emb = nn.Embedding(tgt_vocab, E)
        self.enc = nn.GRU(E, H)                 # time-major, one layer, one direction
        self.W_query = nn.Linear(H, A, bias=False)
        self.W_keys = nn.Linear(H, A, bias=False)
        self.v = nn.Parameter(torch.randn(A) * 0.1)
        self.dec = nn.GRUCell(E + H, H)
        self.out = nn.Linear(2 * H, tgt_vocab)

    def encode(self, src, lens):
        """src [T, B], lens [B] -> (h [B, H], enc_bt [B, T, H], mask [B, T]).

        Each sentence runs through the GRU for its own length only: its
        encoder outputs past lens[b] are zero and h is its state after its
        last real step. mask[b, t] = t < lens[b]."""
        T = src.shape[0]
        packed = pack_padded_sequence(self.src_emb(src), lens.cpu(),
                                      enforce_sorted=False)
        enc_out, h_n = self.enc(packed)
        enc_out, _ = pad_packed_sequence(enc_out, total_length=T)  # [T, B, H]
        enc_bt = enc_out.transpose(0, 1).contiguous()              # [B, T, H]
        mask = torch.arange(T)[None, :] < lens[:, None]            # [B, T]
        return h_n[0], enc_bt, mask

    def step(self, y, h, enc_bt, mask, keys_proj=None):
        """One decoder step: y [B] previous tokens, h [B, H] -> (logits [B, V],
        h' [B, H]).

        Additive attention of h over the encoder states (keys = values =
        enc_bt): e_t = v . tanh(W_query h + W_keys k_t), -inf where masked,
        a = softmax(e), ctx = sum_t a_t k_t. Then
        h' = GRUCell([tgt_emb(y); ctx], h), logits = out([h'; ctx]).
        keys_proj (= W_keys(enc_bt)) may be passed in to avoid recomputing it
        each step; it is the same value either way."""
        if keys_proj is None:
            keys_proj = self.W_keys(enc_bt)                            # [B, T, A]
        q = self.W_query(h)                                            # [B, A]
        e = torch.tanh(q[:, None, :] + keys_proj) @ self.v             # [B, T]
        e = e.masked_fill(~mask, float("-inf"))
        a = torch.softmax(e, dim=1)                                    # [B, T]
        ctx = torch.bmm(a[:, None, :], enc_bt)[:, 0]                   # [B, H]
        h = self.dec(torch.cat([self.tgt_emb(y), ctx], 1), h)
        logits = self.out(torch.cat([h, ctx], 1))
        return logits, h

    def forward(self, src, lens, tgt_in):
        """Teacher forcing: tgt_in [L, B] (BOS then the target shifted) ->
        logits [L, B, V]."""
        h, enc_bt, mask = self.encode(src, lens)
        keys_proj = self.W_keys(enc_bt)
        out = []
        for t in range(tgt_in.shape[0]):
            logits, h = self.step(tgt_in[t], h, enc_bt, mask, keys_proj)
            out.append(logits)
        return torch.stack(out)


@torch.no_grad()
def greedy(model, src, lens, max_len):
    """Greedy decoding -> tokens [steps_run, B] int64.

    y = BOS for every sentence, finished[b] = False. For step = 0 ..
    max_len-1, while not every sentence is finished:
        logits, h = step(y, h)
        tok = argmax(logits, 1)            (the first maximum on ties)
        tok = where(finished, PAD, tok)    (PAD after a sentence's EOS)
        record tok; y = tok
        finished |= tok == EOS
    steps_run is the number of iterations executed."""
    h, enc_bt, mask = model.encode(src, lens)
    B = src.shape[1]
    y = torch.full((B,), BOS, dtype=torch.int64)
    finished = torch.zeros(B, dtype=torch.bool)
    tokens = []
    for _ in range(max_len):
        if bool(finished.all()):
            break
        logits, h = model.step(y, h, enc_bt, mask)
        tok = torch.argmax(logits, 1)   # torch.argmax returns the first max
        tok = torch.where(finished, torch.full_like(tok, PAD), tok)
        tokens.append(tok)
        y = tok
        finished = finished | (tok == EOS)
    return torch.stack(tokens) if tokens else torch.zeros(0, B, dtype=torch.int64)


@torch.no_grad()
def beam_search(model, src, lens, k, max_len, alpha=1.0):
    """Beam search -> (best [steps_run, B] int64, all_tokens [steps_run, B, k]
    int64, scores [B, k] float32).

    Layout: the beams are rows of a [B*k] batch, row b*k + j = beam j of
    sentence b; the encoder outputs and mask are repeated k times per sentence
    (repeat_interleave), and so is the initial state h.

    scores [B, k] start at 0 for beam 0 and -inf for beams 1..k-1 (so the
    first step expands beam 0 only); finished [B, k] = False; y = BOS.
    Each step, while some beam is unfinished and fewer than max_len steps ran:
        logits, h = step(y, h)                      [B*k, V]
        logp = log_softmax(logits, -1)
        rows of finished beams: logp = -inf everywhere except 0 at PAD
            (a finished hypothesis continues with PAD at no cost)
        cand = scores[:, :, None] + logp.view(B, k, V), viewed as [B, k*V]
        the k best of each row, descending, ties -> the LOWER flat index
            (a stable descending sort, first k)
        origin = flat // V, token = flat % V
        h, finished and the token history are reordered by origin
            (row b*k + j takes row b*k + origin[b, j])
        scores = the k best values
        finished = finished_reordered | (token == EOS)
        append token to the history; y = token
    Final choice per sentence: the beam j maximizing
    scores[b, j] / length[b, j] ** alpha, length = the number of tokens up to
    and including EOS (max_len if the beam never finished); ties -> lowest j.
    """
    h, enc_bt, mask = model.encode(src, lens)
    B = src.shape[1]
    V = model.out.out_features
    # Beam rows: b*k + j.
    h = h.repeat_interleave(k, 0)                         # [B*k, H]
    enc_bt = enc_bt.repeat_interleave(k, 0)               # [B*k, T, H]
    mask = mask.repeat_interleave(k, 0)                   # [B*k, T]
    scores = torch.full((B, k), float("-inf"), dtype=torch.float32)
    scores[:, 0] = 0.0
    finished = torch.zeros(B, k, dtype=torch.bool)
    y = torch.full((B * k,), BOS, dtype=torch.int64)
    history = torch.zeros(0, B, k, dtype=torch.int64)     # [steps, B, k]
    # The log-probabilities of a finished row: PAD at no cost, nothing else.
    finished_row = torch.full((V,), float("-inf"), dtype=torch.float32)
    finished_row[PAD] = 0.0
    # Row offsets b*k, to turn a per-sentence beam index into a row.
    base = (torch.arange(B) * k)[:, None]                 # [B, 1]

    for _ in range(max_len):
        if bool(finished.all()):
            break
        logits, h = model.step(y, h, enc_bt, mask)
        logp = F.log_softmax(logits, -1)                  # [B*k, V]
        logp = torch.where(finished.view(B * k, 1), finished_row[None, :], logp)
        cand = (scores[:, :, None] + logp.view(B, k, V)).view(B, k * V)
        # k best per sentence, descending; stable sort keeps the lower flat
        # index first among equal values.
        vals, flat = torch.sort(cand, dim=1, descending=True, stable=True)
        vals, flat = vals[:, :k], flat[:, :k]             # [B, k]
        origin = torch.div(flat, V, rounding_mode="floor")
        token = flat % V
        rows = (base + origin).view(B * k)                # source rows
        h = h[rows]
        finished = finished.view(B * k)[rows].view(B, k)
        history = history.view(-1, B * k)[:, rows].view(-1, B, k)
        scores = vals
        finished = finished | (token == EOS)
        history = torch.cat([history, token[None]], 0)
        y = token.view(B * k)

    steps_run = history.shape[0]
    # length: tokens up to and including the first EOS, else max_len.
    is_eos = history == EOS                               # [steps, B, k]
    has_eos = is_eos.any(0)
    first_eos = torch.argmax(is_eos.to(torch.int64), 0)   # first True
    length = torch.where(has_eos, first_eos + 1,
                         torch.full_like(first_eos, max_len)).to(torch.float32)
    norm = scores / length ** alpha                       # [B, k]
    best = torch.argmax(norm, 1)                          # first max: lowest j
    best_tokens = history[:, torch.arange(B), best]       # [steps, B]
    assert best_tokens.shape == (steps_run, B)
    return best_tokens, history, scores


def to_capacity(tokens, capacity):
    """The tokens [steps, ...] of a decoder as the compiled model returns
    them: [capacity, ...] with PAD in the rows past the steps run, and the
    number of steps run (an int64 scalar array). The compiled entry points
    return results whose sizes the caller knows before the call (the
    capacity is the model's max_len), and say how many rows hold tokens."""
    import numpy as np
    tokens = np.asarray(tokens)
    steps = tokens.shape[0]
    assert steps <= capacity, (steps, capacity)
    padded = np.full((capacity,) + tokens.shape[1:], PAD, dtype=np.int64)
    padded[:steps] = tokens
    return padded, np.array(steps, dtype=np.int64)

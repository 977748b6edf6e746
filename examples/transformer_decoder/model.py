#!/usr/bin/python3
"""A small Transformer encoder-decoder (nn.Transformer layout and weights) and
the reference decoders: greedy and beam search.

The decoders have the semantics of examples/dates/model.py (the same loop,
stop rule, PAD after EOS, beam layout, top-k tie rule and length penalty);
only the model under them differs. Everything runs in float32, eval mode.

Shapes: B batch, S source length, t target prefix length, d model width,
Vs / Vt source / target vocabulary, k beam width. Sources are batch-first
([B, S] int64, PAD-padded), src_lens [B] int64.
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

PAD, BOS, EOS = 0, 1, 2


def sinusoidal_table(positions, d):
    """The positional-encoding table [positions, d] float32:
    pe[pos, 2i] = sin(pos / 10000^(2i/d)), pe[pos, 2i+1] = cos(pos /
    10000^(2i/d)); computed in float64, rounded once to float32."""
    pos = torch.arange(positions, dtype=torch.float64)[:, None]
    two_i = torch.arange(0, d, 2, dtype=torch.float64)[None, :]
    angle = pos / torch.pow(torch.tensor(10000.0, dtype=torch.float64), two_i / d)
    pe = torch.zeros(positions, d, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(angle)
    pe[:, 1::2] = torch.cos(angle)
    return pe.to(torch.float32)


class Seq2SeqTransformer(nn.Module):
    def __init__(self, src_vocab=20, tgt_vocab=16, d_model=32, nhead=4,
                 num_encoder_layers=2, num_decoder_layers=2,
                 dim_feedforward=64, max_positions=32):
        super().__init__()
        self.d_model = d_model
        self.src_emb = nn.Embedding(src_vocab, d_model)
        self.tgt_emb = nn.Embedding(tgt_vocab, d_model)
        # Fixed, not a parameter and not in the state_dict (data/pe.npy).
        self.register_buffer("pe", sinusoidal_table(max_positions, d_model),
                             persistent=False)
        self.transformer = nn.Transformer(
            d_model=d_model, nhead=nhead,
            num_encoder_layers=num_encoder_layers,
            num_decoder_layers=num_decoder_layers,
            dim_feedforward=dim_feedforward, dropout=0.0, activation="relu",
            batch_first=True, norm_first=False)
        self.out = nn.Linear(d_model, tgt_vocab)

    def embed(self, emb, tokens):
        """emb(tokens) * sqrt(d) + pe[:len]: tokens [B, n] -> [B, n, d]."""
        n = tokens.shape[1]
        assert n <= self.pe.shape[0], (n, self.pe.shape[0])
        return emb(tokens) * math.sqrt(self.d_model) + self.pe[:n]

    @staticmethod
    def padding_mask(src_lens, S):
        """[B, S] bool, True = pad (s >= src_lens[b]), PyTorch's convention."""
        return torch.arange(S)[None, :] >= src_lens[:, None]

    def encode(self, src, src_lens):
        """src [B, S], src_lens [B] -> memory [B, S, d].

        Both encoder layers and transformer.encoder.norm, src_key_padding_mask
        from src_lens. The rows of memory past src_lens[b] are never read
        (the decoder masks them); under torch.no_grad PyTorch's nested-tensor
        fast path returns them as encoder.norm(0) = encoder.norm.bias."""
        mask = self.padding_mask(src_lens, src.shape[1])
        return self.transformer.encoder(self.embed(self.src_emb, src),
                                        src_key_padding_mask=mask)

    def decode(self, memory, src_lens, tgt_prefix):
        """memory [B, S, d], src_lens [B], tgt_prefix [B, t] (BOS, then the
        tokens so far) -> the logits of the last position [B, Vt].

        Runs the whole decoder over the prefix with the causal mask
        (nn.Transformer.generate_square_subsequent_mask); the same padding
        mask as the encoder as memory_key_padding_mask; no target padding
        mask. The last position attends to every prefix position."""
        t = tgt_prefix.shape[1]
        tgt_mask = nn.Transformer.generate_square_subsequent_mask(t)
        mem_mask = self.padding_mask(src_lens, memory.shape[1])
        x = self.transformer.decoder(self.embed(self.tgt_emb, tgt_prefix),
                                     memory, tgt_mask=tgt_mask,
                                     memory_key_padding_mask=mem_mask)
        return self.out(x[:, -1])

    def forward(self, src, src_lens, tgt_in):
        """Teacher forcing: tgt_in [B, L] (BOS then the target shifted) ->
        logits [B, L, Vt]."""
        memory = self.encode(src, src_lens)
        L = tgt_in.shape[1]
        x = self.transformer.decoder(
            self.embed(self.tgt_emb, tgt_in), memory,
            tgt_mask=nn.Transformer.generate_square_subsequent_mask(L),
            memory_key_padding_mask=self.padding_mask(src_lens, src.shape[1]))
        return self.out(x)


@torch.no_grad()
def greedy(model, src, src_lens, max_len):
    """Greedy decoding -> tokens [steps_run, B] int64.

    y = BOS for every sentence, finished[b] = False. For step = 0 ..
    max_len-1, while not every sentence is finished:
        logits = decode(memory, src_lens, [BOS, tokens so far])
        tok = argmax(logits, 1)            (the first maximum on ties)
        tok = where(finished, PAD, tok)    (PAD after a sentence's EOS)
        record tok (it is the next prefix position)
        finished |= tok == EOS
    steps_run is the number of iterations executed. (The prefix of a
    finished sentence goes on with PAD; its logits are not used.)"""
    memory = model.encode(src, src_lens)
    B = src.shape[0]
    prefix = torch.full((B, 1), BOS, dtype=torch.int64)
    finished = torch.zeros(B, dtype=torch.bool)
    tokens = []
    for _ in range(max_len):
        if bool(finished.all()):
            break
        logits = model.decode(memory, src_lens, prefix)
        tok = torch.argmax(logits, 1)   # torch.argmax returns the first max
        tok = torch.where(finished, torch.full_like(tok, PAD), tok)
        tokens.append(tok)
        prefix = torch.cat([prefix, tok[:, None]], 1)
        finished = finished | (tok == EOS)
    return torch.stack(tokens) if tokens else torch.zeros(0, B, dtype=torch.int64)


@torch.no_grad()
def beam_search(model, src, src_lens, k, max_len, alpha=1.0):
    """Beam search -> (best [steps_run, B] int64, all_tokens [steps_run, B, k]
    int64, scores [B, k] float32).

    Layout: the beams are rows of a [B*k] batch, row b*k + j = beam j of
    sentence b; memory and src_lens are repeated k times per sentence
    (repeat_interleave). A row's decoder input is BOS followed by its token
    history, so reordering the history reorders the decoder state (a
    KV-cached decoder reorders its caches the same way).

    scores [B, k] start at 0 for beam 0 and -inf for beams 1..k-1 (so the
    first step expands beam 0 only); finished [B, k] = False; y = BOS.
    Each step, while some beam is unfinished and fewer than max_len steps ran:
        logits = decode(memory, src_lens, [BOS, history])   [B*k, V]
        logp = log_softmax(logits, -1)
        rows of finished beams: logp = -inf everywhere except 0 at PAD
            (a finished hypothesis continues with PAD at no cost)
        cand = scores[:, :, None] + logp.view(B, k, V), viewed as [B, k*V]
        the k best of each row, descending, ties -> the LOWER flat index
            (a stable descending sort, first k)
        origin = flat // V, token = flat % V
        finished and the token history are reordered by origin
            (row b*k + j takes row b*k + origin[b, j])
        scores = the k best values
        finished = finished_reordered | (token == EOS)
        append token to the history
    Final choice per sentence: the beam j maximizing
    scores[b, j] / length[b, j] ** alpha, length = the number of tokens up to
    and including EOS (max_len if the beam never finished); ties -> lowest j.
    """
    memory = model.encode(src, src_lens)
    B = src.shape[0]
    V = model.out.out_features
    # Beam rows: b*k + j.
    memory = memory.repeat_interleave(k, 0)               # [B*k, S, d]
    lens = src_lens.repeat_interleave(k, 0)               # [B*k]
    scores = torch.full((B, k), float("-inf"), dtype=torch.float32)
    scores[:, 0] = 0.0
    finished = torch.zeros(B, k, dtype=torch.bool)
    bos = torch.full((B * k, 1), BOS, dtype=torch.int64)
    history = torch.zeros(0, B, k, dtype=torch.int64)     # [steps, B, k]
    # The log-probabilities of a finished row: PAD at no cost, nothing else.
    finished_row = torch.full((V,), float("-inf"), dtype=torch.float32)
    finished_row[PAD] = 0.0
    # Row offsets b*k, to turn a per-sentence beam index into a row.
    base = (torch.arange(B) * k)[:, None]                 # [B, 1]

    for _ in range(max_len):
        if bool(finished.all()):
            break
        prefix = torch.cat([bos, history.view(-1, B * k).t()], 1)
        logits = model.decode(memory, lens, prefix)
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
        finished = finished.view(B * k)[rows].view(B, k)
        history = history.view(-1, B * k)[:, rows].view(-1, B, k)
        scores = vals
        finished = finished | (token == EOS)
        history = torch.cat([history, token[None]], 0)

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
    number of steps run (an int64 scalar array). (A copy of
    examples/dates/model.py's to_capacity.)"""
    import numpy as np
    tokens = np.asarray(tokens)
    steps = tokens.shape[0]
    assert steps <= capacity, (steps, capacity)
    padded = np.full((capacity,) + tokens.shape[1:], PAD, dtype=np.int64)
    padded[:steps] = tokens
    return padded, np.array(steps, dtype=np.int64)

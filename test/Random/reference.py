"""NumPy reference implementations of s2s ops, for the randomized tests.

Everything is computed in float64 (the inputs are cast up first); callers
round the results to the model's element type once. The semantics follow
the op descriptions in include/s2s/Dialect/S2S/IR/S2SOps.td, which follow
PyTorch (gate orders: LSTM i, f, g, o; GRU r, z, n).

No PyTorch is needed: every formula is written out below.
"""

import numpy as np


def _f64(a):
    return None if a is None else np.asarray(a, dtype=np.float64)


def sigmoid(x):
    # Numerically stable for large |x| (no overflow warnings).
    out = np.empty_like(x)
    pos = x >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-x[pos]))
    e = np.exp(x[~pos])
    out[~pos] = e / (1.0 + e)
    return out


def _clip(x, clip):
    return x if clip is None else np.clip(x, -clip, clip)


#===----------------------------------------------------------------------===#
# Recurrent cells: one step, batched. x : [B, I], h, c : [B, H].
#===----------------------------------------------------------------------===#


def _proj(x, w, b):
    y = x @ w.T
    return y if b is None else y + b


def rnn_step(x, h, w_ih, w_hh, b_ih, b_hh, activation="tanh", clip=None):
    pre = _clip(_proj(x, w_ih, b_ih) + _proj(h, w_hh, b_hh), clip)
    if activation == "tanh":
        return np.tanh(pre)
    if activation == "relu":
        return np.maximum(pre, 0.0)
    raise ValueError(activation)


def lstm_step(x, h, c, w_ih, w_hh, b_ih, b_hh, peepholes=None, clip=None):
    """Returns (h', c'). peepholes : [3H] in the order i, f, o (ONNX's P)."""
    H = h.shape[1]
    gates = _proj(x, w_ih, b_ih) + _proj(h, w_hh, b_hh)
    gi, gf, gg, go = (gates[:, k * H:(k + 1) * H] for k in range(4))
    if peepholes is not None:
        gi = gi + peepholes[0:H] * c
        gf = gf + peepholes[H:2 * H] * c
    i = sigmoid(_clip(gi, clip))
    f = sigmoid(_clip(gf, clip))
    g = np.tanh(_clip(gg, clip))
    c_next = f * c + i * g
    if peepholes is not None:
        go = go + peepholes[2 * H:3 * H] * c_next
    o = sigmoid(_clip(go, clip))
    return o * np.tanh(c_next), c_next


def gru_step(x, h, w_ih, w_hh, b_ih, b_hh, linear_before_reset=True,
             clip=None):
    H = h.shape[1]
    xg = _proj(x, w_ih, b_ih)
    xr, xz, xn = (xg[:, k * H:(k + 1) * H] for k in range(3))
    w_hr, w_hz, w_hn = (w_hh[k * H:(k + 1) * H] for k in range(3))
    if b_hh is None:
        b_hr = b_hz = b_hn = None
    else:
        b_hr, b_hz, b_hn = (b_hh[k * H:(k + 1) * H] for k in range(3))
    r = sigmoid(_clip(xr + _proj(h, w_hr, b_hr), clip))
    z = sigmoid(_clip(xz + _proj(h, w_hz, b_hz), clip))
    if linear_before_reset:
        n = np.tanh(_clip(xn + r * _proj(h, w_hn, b_hn), clip))
    else:
        n = np.tanh(_clip(xn + _proj(r * h, w_hn, b_hn), clip))
    return (1.0 - z) * n + z * h


def rnn_cell(x, h, w_ih, w_hh, b_ih=None, b_hh=None, activation="tanh"):
    return rnn_step(_f64(x), _f64(h), _f64(w_ih), _f64(w_hh), _f64(b_ih),
                    _f64(b_hh), activation)


def lstm_cell(x, h, c, w_ih, w_hh, b_ih=None, b_hh=None):
    return lstm_step(_f64(x), _f64(h), _f64(c), _f64(w_ih), _f64(w_hh),
                     _f64(b_ih), _f64(b_hh))


def gru_cell(x, h, w_ih, w_hh, b_ih=None, b_hh=None, linear_before_reset=True):
    return gru_step(_f64(x), _f64(h), _f64(w_ih), _f64(w_hh), _f64(b_ih),
                    _f64(b_hh), linear_before_reset)


#===----------------------------------------------------------------------===#
# Recurrent layers over a whole sequence
#===----------------------------------------------------------------------===#


def _recurrent_layer(cell, x, w_ih, w_hh, b_ih, b_hh, h0, c0, seq_lens,
                     hidden_size, direction, batch_first, step_kwargs,
                     peepholes=None):
    """The shared time loop of s2s.rnn / s2s.lstm / s2s.gru.

    x : [T, B, I] ([B, T, I] with batch_first); w_ih : [D, G*H, I];
    w_hh : [D, G*H, H]; b_ih, b_hh : [D, G*H]; h0, c0 : [D, B, H];
    seq_lens : [B]. Returns y : [T, B, D*H] ([B, T, D*H]) and h_n (and c_n
    for the LSTM) : [D, B, H].

    seq_lens follows pack_padded_sequence: sequence b runs over steps
    0 .. len-1 only (the reverse direction from len-1 down to 0), y is zero
    past len, and h_n / c_n hold the state after the last step the
    direction processed.
    """
    x = _f64(x)
    if batch_first:
        x = np.transpose(x, (1, 0, 2))
    T, B, _ = x.shape
    H = hidden_size
    D = 2 if direction == "bidirectional" else 1
    lens = (np.full(B, T, dtype=np.int64) if seq_lens is None
            else np.asarray(seq_lens, dtype=np.int64))
    y = np.zeros((T, B, D * H))
    h_n = np.zeros((D, B, H))
    c_n = np.zeros((D, B, H))
    for d in range(D):
        reverse = direction == "reverse" or d == 1
        w_i, w_h = _f64(w_ih[d]), _f64(w_hh[d])
        b_i = None if b_ih is None else _f64(b_ih[d])
        b_h = None if b_hh is None else _f64(b_hh[d])
        p = None if peepholes is None else _f64(peepholes[d])
        for b in range(B):
            h = (np.zeros((1, H)) if h0 is None
                 else _f64(h0[d, b:b + 1]).copy())
            c = (np.zeros((1, H)) if c0 is None
                 else _f64(c0[d, b:b + 1]).copy())
            L = int(lens[b])
            steps = range(L - 1, -1, -1) if reverse else range(L)
            for t in steps:
                xt = x[t, b:b + 1]
                if cell == "lstm":
                    h, c = lstm_step(xt, h, c, w_i, w_h, b_i, b_h, p,
                                     **step_kwargs)
                elif cell == "gru":
                    h = gru_step(xt, h, w_i, w_h, b_i, b_h, **step_kwargs)
                else:
                    h = rnn_step(xt, h, w_i, w_h, b_i, b_h, **step_kwargs)
                y[t, b, d * H:(d + 1) * H] = h[0]
            h_n[d, b] = h[0]
            c_n[d, b] = c[0]
    if batch_first:
        y = np.transpose(y, (1, 0, 2))
    if cell == "lstm":
        return y, h_n, c_n
    return y, h_n


def rnn(x, w_ih, w_hh, b_ih=None, b_hh=None, h0=None, seq_lens=None, *,
        hidden_size, direction="forward", batch_first=False,
        activation="tanh", clip=None):
    return _recurrent_layer("rnn", x, w_ih, w_hh, b_ih, b_hh, h0, None,
                            seq_lens, hidden_size, direction, batch_first,
                            dict(activation=activation, clip=clip))


def lstm(x, w_ih, w_hh, b_ih=None, b_hh=None, h0=None, c0=None,
         peepholes=None, seq_lens=None, *, hidden_size, direction="forward",
         batch_first=False, clip=None):
    return _recurrent_layer("lstm", x, w_ih, w_hh, b_ih, b_hh, h0, c0,
                            seq_lens, hidden_size, direction, batch_first,
                            dict(clip=clip), peepholes=peepholes)


def gru(x, w_ih, w_hh, b_ih=None, b_hh=None, h0=None, seq_lens=None, *,
        hidden_size, direction="forward", batch_first=False,
        linear_before_reset=True, clip=None):
    return _recurrent_layer(
        "gru", x, w_ih, w_hh, b_ih, b_hh, h0, None, seq_lens, hidden_size,
        direction, batch_first,
        dict(linear_before_reset=linear_before_reset, clip=clip))


#===----------------------------------------------------------------------===#
# Attention
#===----------------------------------------------------------------------===#


def _masked_softmax(scores, allowed):
    """softmax over the last axis of `scores` where `allowed` (and the score
    is not -inf); rows with nothing allowed give all-zero weights."""
    allowed = allowed & (scores > -np.inf)
    s = np.where(allowed, scores, -np.inf)
    any_allowed = np.any(allowed, axis=-1, keepdims=True)
    m = np.where(any_allowed, np.max(s, axis=-1, keepdims=True)
                 if s.shape[-1] else 0.0, 0.0)
    e = np.where(allowed, np.exp(np.where(allowed, s - m, 0.0)), 0.0)
    denom = np.sum(e, axis=-1, keepdims=True)
    return np.where(any_allowed, e / np.where(denom == 0, 1.0, denom), 0.0)


def scaled_dot_product_attention(query, key, value, mask=None, scale=None,
                                 causal=False):
    """query : [B, H, Tq, D], key : [B, Hkv, Tk, D], value : [B, Hkv, Tk, Dv],
    mask boolean (true = may attend) or additive float, broadcasting to
    [B, H, Tq, Tk] (rank 2 to 4, right-aligned). Query head h uses kv head
    h // (H / Hkv). causal: query i may attend key j iff j <= i + Tk - Tq.
    A row with every key masked gives zeros."""
    q, k, v = _f64(query), _f64(key), _f64(value)
    B, H, Tq, D = q.shape
    Hkv, Tk = k.shape[1], k.shape[2]
    group = H // Hkv
    kv_head = np.arange(H) // group
    k = k[:, kv_head]
    v = v[:, kv_head]
    if scale is None:
        scale = 1.0 / np.sqrt(D)
    scores = np.einsum("bhid,bhjd->bhij", q, k) * scale
    allowed = np.ones((B, H, Tq, Tk), dtype=bool)
    if mask is not None:
        mask = np.asarray(mask)
        if mask.dtype == np.bool_:
            allowed &= np.broadcast_to(mask, allowed.shape)
        else:
            scores = scores + np.broadcast_to(_f64(mask), scores.shape)
    if causal:
        i = np.arange(Tq)[:, None]
        j = np.arange(Tk)[None, :]
        allowed &= (j <= i + Tk - Tq)
    weights = _masked_softmax(scores, allowed)
    return np.einsum("bhij,bhjd->bhid", weights, v)


def attention(query, keys, values, score, w=None, w_query=None,
              w_keys=None, v=None, mask=None):
    """s2s.attention (Luong dot / general, Bahdanau additive), unscaled.

    query : [B, Tq, Dq], keys : [B, Tk, Dk], values : [B, Tk, Dv]. Scores:
    dot q_i . k_j; general q_i^T W k_j (w : [Dq, Dk]); additive
    v . tanh(W_query q_i + W_keys k_j) (w_query : [A, Dq], w_keys : [A, Dk],
    v : [A]). mask : boolean (true = may attend), rank 3, broadcasting to
    [B, Tq, Tk]. Returns ctx : [B, Tq, Dv] and weights : [B, Tq, Tk]; a
    query with every key masked gets zero weights and a zero context."""
    q, k, val = _f64(query), _f64(keys), _f64(values)
    B, Tq, _ = q.shape
    Tk = k.shape[1]
    if score == "dot":
        scores = np.einsum("bid,bjd->bij", q, k)
    elif score == "general":
        scores = np.einsum("bid,de,bje->bij", q, _f64(w), k)
    elif score == "additive":
        pq = q @ _f64(w_query).T                       # [B, Tq, A]
        pk = k @ _f64(w_keys).T                        # [B, Tk, A]
        scores = np.tanh(pq[:, :, None, :] + pk[:, None, :, :]) @ _f64(v)
    else:
        raise ValueError(score)
    allowed = np.ones((B, Tq, Tk), dtype=bool)
    if mask is not None:
        allowed &= np.broadcast_to(np.asarray(mask, dtype=bool),
                                   allowed.shape)
    weights = _masked_softmax(scores, allowed)
    return weights @ val, weights


def multi_head_attention(query, key=None, value=None, in_proj_weight=None,
                         q_proj_weight=None, k_proj_weight=None,
                         v_proj_weight=None, in_proj_bias=None,
                         out_proj_weight=None, out_proj_bias=None,
                         key_padding_mask=None, attn_mask=None, *,
                         num_heads, batch_first=False, causal=False):
    """s2s.multi_head_attention, as torch.nn.MultiheadAttention in eval mode.

    query : [Tq, B, E] ([B, Tq, E] with batch_first); key : [Tk, B, Ek],
    value : [Tk, B, Ev], or neither (self-attention: both are the query).
    Projections packed (in_proj_weight : [3E, E], rows W_q; W_k; W_v) or
    separate (q : [E, E], k : [E, Ek], v : [E, Ev]); in_proj_bias : [3E]
    and out_proj_bias : [E] optional. Each head (head_dim = E / num_heads,
    head h takes features h*hd .. (h+1)*hd - 1) scales its scores by
    1/sqrt(head_dim). Masks are boolean (true = may attend, the inverse of
    PyTorch's) or additive float: key_padding_mask : [B, Tk], attn_mask :
    [Tq, Tk] or [B*num_heads, Tq, Tk] (row b*num_heads + h). causal: query
    i may attend key j iff j <= i + Tk - Tq. A query with every key masked
    gets zero weights, so its attention output (before out_proj) is zero.
    Returns out (the layout of query) and the weights averaged over the
    heads, [B, Tq, Tk]."""
    x = _f64(query)
    if key is None:
        key, value = query, query
    k_in, v_in = _f64(key), _f64(value)
    if not batch_first:
        x = np.transpose(x, (1, 0, 2))
        k_in = np.transpose(k_in, (1, 0, 2))
        v_in = np.transpose(v_in, (1, 0, 2))
    B, Tq, E = x.shape
    Tk = k_in.shape[1]
    H = num_heads
    hd = E // H
    if in_proj_weight is not None:
        w = _f64(in_proj_weight)
        w_q, w_k, w_v = w[0:E], w[E:2 * E], w[2 * E:3 * E]
    else:
        w_q, w_k, w_v = (_f64(q_proj_weight), _f64(k_proj_weight),
                         _f64(v_proj_weight))
    if in_proj_bias is not None:
        b = _f64(in_proj_bias)
        b_q, b_k, b_v = b[0:E], b[E:2 * E], b[2 * E:3 * E]
    else:
        b_q = b_k = b_v = None

    def heads(t, T):                                   # [B, H, T, hd]
        return t.reshape(B, T, H, hd).transpose(0, 2, 1, 3)

    q = heads(_proj(x, w_q, b_q), Tq)
    k = heads(_proj(k_in, w_k, b_k), Tk)
    v = heads(_proj(v_in, w_v, b_v), Tk)
    scores = np.einsum("bhid,bhjd->bhij", q, k) / np.sqrt(hd)
    allowed = np.ones((B, H, Tq, Tk), dtype=bool)
    for kind, m in (("key_padding", key_padding_mask), ("attn", attn_mask)):
        if m is None:
            continue
        m = np.asarray(m)
        if kind == "key_padding":
            m = m[:, None, None, :]
        elif m.ndim == 3:
            m = m.reshape(B, H, Tq, Tk)
        if m.dtype == np.bool_:
            allowed &= np.broadcast_to(m, allowed.shape)
        else:
            scores = scores + np.broadcast_to(_f64(m), scores.shape)
    if causal:
        i = np.arange(Tq)[:, None]
        j = np.arange(Tk)[None, :]
        allowed &= (j <= i + Tk - Tq)
    weights = _masked_softmax(scores, allowed)         # [B, H, Tq, Tk]
    o = np.einsum("bhij,bhjd->bhid", weights, v)
    o = o.transpose(0, 2, 1, 3).reshape(B, Tq, E)
    out = _proj(o, _f64(out_proj_weight), _f64(out_proj_bias))
    if not batch_first:
        out = np.transpose(out, (1, 0, 2))
    return out, np.mean(weights, axis=1)


#===----------------------------------------------------------------------===#
# Building blocks
#===----------------------------------------------------------------------===#


def linear(x, weight, bias=None):
    y = _f64(x) @ _f64(weight).T
    return y if bias is None else y + _f64(bias)


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    x = _f64(x)
    axes = tuple(range(x.ndim - len(normalized_shape), x.ndim))
    mean = np.mean(x, axis=axes, keepdims=True) if x.size else x
    var = (np.mean((x - mean) ** 2, axis=axes, keepdims=True) if x.size
           else x)
    y = (x - mean) / np.sqrt(var + eps)
    if weight is not None:
        y = y * _f64(weight)
    if bias is not None:
        y = y + _f64(bias)
    return y


def embedding(indices, weight):
    """s2s.embedding (F.embedding): row indices[...] of weight : [V, E];
    the result is [..., E]. Every index lies in [0, V)."""
    idx = np.asarray(indices, dtype=np.int64)
    w = _f64(weight)
    out = np.zeros(idx.shape + (w.shape[1],))
    for pos in np.ndindex(*idx.shape):
        out[pos] = w[idx[pos]]
    return out


def argmax(x, dim, keepdim=False):
    """s2s.argmax (torch.argmax): the index (int64) of the first largest
    element along `dim` (negative counts from the end), NaN counting as
    larger than any number (so the first NaN wins); the dimension is
    dropped unless `keepdim`. Equal values (0.0 and -0.0 too): the first."""
    x = _f64(x)
    dim = dim % x.ndim
    moved = np.moveaxis(x, dim, -1)                    # [..., N], N >= 1
    best = moved[..., 0].copy()
    index = np.zeros(best.shape, dtype=np.int64)
    for n in range(1, moved.shape[-1]):
        cur = moved[..., n]
        better = (cur > best) | (np.isnan(cur) & ~np.isnan(best))
        best = np.where(better, cur, best)
        index = np.where(better, n, index)
    return np.expand_dims(index, dim) if keepdim else index

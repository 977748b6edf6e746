//===- bench/peers/onednn.cpp - oneDNN as a benchmark peer ----------------===//
//
// The benchmark's oneDNN side (bench/run.py builds this into a shared
// library and calls it through ctypes): each workload written with oneDNN's
// primitives as its users would write it, at their best configuration:
//
//   linear  y = x W^T: one matmul primitive, the weights reordered once into
//           the layout the primitive prefers (format `any`);
//   lstm    one lstm_forward primitive, inference, h0 = c0 = 0; weights
//           reordered once from PyTorch's [G*H, I] (ldgoi) into `any`; bias
//           b_ih + b_hh;
//   gru     one lbr_gru_forward primitive (PyTorch's GRU is oneDNN's
//           "linear before reset" GRU): gates reordered from PyTorch's
//           (r, z, n) to oneDNN's (u = z, r, o = n), the fourth bias being
//           b_hn;
//   sdpa    softmax(q k^T * scale [+ causal mask]) v over [BH, S, D]: a
//           batched matmul with the scale as output scale and the mask as a
//           binary-add post-op, softmax in place, a second batched matmul;
//   mha     nn.MultiheadAttention's self-attention: the packed input
//           projection (matmul + bias), the heads' attention read in place
//           from the packed [S, 3E] buffer through strided memory
//           descriptors and written in place to [S, E], the output
//           projection (matmul + bias).
//
// The C interface: onednn_create(op, dims, ndims, inputs, err, errlen)
// returns a handle (NULL with a message in err on failure); inputs are the
// arrays of the s2s function's arguments, in its order and PyTorch's
// layouts; the activations are read from them at every run, the weights
// only at creation. onednn_run(handle, outputs) computes into the caller's
// output arrays (those of the s2s function's results).
//
//===----------------------------------------------------------------------===//

#include "oneapi/dnnl/dnnl.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

using namespace dnnl;
using dt = memory::data_type;
using tag = memory::format_tag;

namespace {

struct Peer {
  engine eng{engine::kind::cpu, 0};
  stream strm{eng};
  virtual ~Peer() = default;
  virtual void run(float *const *outputs) = 0;
};

// The weights `user` (plain, in the caller's layout) reordered once into
// the layout `want` that a primitive chose.
memory prepack(const engine &eng, stream &strm, const memory::desc &user,
               const float *data, const memory::desc &want) {
  memory src(user, eng, const_cast<float *>(data));
  memory dst(want, eng);
  reorder(src, dst).execute(strm, src, dst);
  strm.wait();
  return dst;
}

// y[M, N] = x[M, K] W^T (+ b), W given as [N, K].
struct MatmulWithPackedWeights {
  matmul prim;
  memory weights, bias;
  memory::desc src_md, dst_md;

  MatmulWithPackedWeights(Peer &p, int64_t M, int64_t N, int64_t K,
                          const float *w, const float *b) {
    src_md = memory::desc({M, K}, dt::f32, tag::ab);
    dst_md = memory::desc({M, N}, dt::f32, tag::ab);
    memory::desc w_any({K, N}, dt::f32, tag::any);
    memory::desc b_md =
        b ? memory::desc({1, N}, dt::f32, tag::ab) : memory::desc();
    matmul::primitive_desc pd(matmul::desc(src_md, w_any, b_md, dst_md), p.eng);
    weights = prepack(p.eng, p.strm, memory::desc({K, N}, dt::f32, tag::ba), w,
                      pd.weights_desc());
    if (b) {
      bias = memory(b_md, p.eng);
      std::memcpy(bias.get_data_handle(), b, N * sizeof(float));
    }
    prim = matmul(pd);
  }

  void run(Peer &p, const float *x, float *y) {
    memory src(src_md, p.eng, const_cast<float *>(x));
    memory dst(dst_md, p.eng, y);
    std::unordered_map<int, memory> args{
        {DNNL_ARG_SRC, src}, {DNNL_ARG_WEIGHTS, weights}, {DNNL_ARG_DST, dst}};
    if (bias)
      args[DNNL_ARG_BIAS] = bias;
    prim.execute(p.strm, args);
  }
};

struct Linear : Peer {
  std::unique_ptr<MatmulWithPackedWeights> mm;
  const float *x;
  Linear(const std::vector<int64_t> &d, const float *const *in) {
    if (d.size() != 3)
      throw std::invalid_argument("linear takes dims M, N, K");
    int64_t M = d[0], N = d[1], K = d[2];
    x = in[0];
    mm = std::make_unique<MatmulWithPackedWeights>(*this, M, N, K, in[1],
                                                   nullptr);
  }
  void run(float *const *out) override {
    mm->run(*this, x, out[0]);
    strm.wait();
  }
};

// Shared by LSTM and GRU: dims T, B, I, H; inputs x [T, B, I], w_ih
// [1, G*H, I], w_hh [1, G*H, H], b_ih [1, G*H], b_hh [1, G*H]; outputs y
// [T, B, H], h_n [1, B, H] (and c_n for the LSTM).
struct Recurrent : Peer {
  primitive prim;
  memory w_layer, w_iter, bias;
  memory::desc x_md, y_md, h_md;
  bool lstm;
  const float *x;

  Recurrent(bool isLstm, const std::vector<int64_t> &d, const float *const *in)
      : lstm(isLstm) {
    if (d.size() != 4)
      throw std::invalid_argument("lstm / gru take dims T, B, I, H");
    int64_t T = d[0], B = d[1], I = d[2], H = d[3];
    int64_t G = lstm ? 4 : 3;
    x = in[0];
    x_md = memory::desc({T, B, I}, dt::f32, tag::tnc);
    y_md = memory::desc({T, B, H}, dt::f32, tag::tnc);
    h_md = memory::desc({1, 1, B, H}, dt::f32, tag::ldnc);
    memory::desc wl_any({1, 1, I, G, H}, dt::f32, tag::any);
    memory::desc wi_any({1, 1, H, G, H}, dt::f32, tag::any);
    // PyTorch's gate order -> oneDNN's: LSTM i, f, g, o is oneDNN's i, f,
    // c~, o; GRU r, z, n becomes u (= z), r, o (= n).
    std::vector<int64_t> order =
        lstm ? std::vector<int64_t>{0, 1, 2, 3} : std::vector<int64_t>{1, 0, 2};
    auto regate = [&](const float *w, int64_t cols) {
      std::vector<float> r(G * H * cols);
      for (int64_t g = 0; g < G; ++g)
        std::memcpy(&r[g * H * cols], w + order[g] * H * cols,
                    H * cols * sizeof(float));
      return r;
    };
    std::vector<float> wih = regate(in[1], I), whh = regate(in[2], H);
    const float *bih = in[3], *bhh = in[4];
    std::vector<float> b;
    memory::desc b_md;
    if (lstm) {
      b.resize(4 * H);
      for (int64_t i = 0; i < 4 * H; ++i)
        b[i] = bih[i] + bhh[i];
      b_md = memory::desc({1, 1, 4, H}, dt::f32, tag::ldgo);
    } else {
      // u, r: both biases; o: b_in; the fourth, u': b_hn (inside r * (.)).
      b.resize(4 * H);
      for (int64_t i = 0; i < H; ++i) {
        b[i] = bih[H + i] + bhh[H + i];
        b[H + i] = bih[i] + bhh[i];
        b[2 * H + i] = bih[2 * H + i];
        b[3 * H + i] = bhh[2 * H + i];
      }
      b_md = memory::desc({1, 1, 4, H}, dt::f32, tag::ldgo);
    }
    memory::desc none;
    memory::desc wl_user({1, 1, I, G, H}, dt::f32, tag::ldgoi);
    memory::desc wi_user({1, 1, H, G, H}, dt::f32, tag::ldgoi);
    memory::desc wl_md, wi_md;
    if (lstm) {
      lstm_forward::primitive_desc pd(
          lstm_forward::desc(prop_kind::forward_inference,
                             rnn_direction::unidirectional_left2right, x_md,
                             none, none, wl_any, wi_any, b_md, y_md, h_md,
                             h_md),
          eng);
      wl_md = pd.weights_layer_desc();
      wi_md = pd.weights_iter_desc();
      prim = lstm_forward(pd);
    } else {
      lbr_gru_forward::primitive_desc pd(
          lbr_gru_forward::desc(prop_kind::forward_inference,
                                rnn_direction::unidirectional_left2right, x_md,
                                none, wl_any, wi_any, b_md, y_md, h_md),
          eng);
      wl_md = pd.weights_layer_desc();
      wi_md = pd.weights_iter_desc();
      prim = lbr_gru_forward(pd);
    }
    w_layer = prepack(eng, strm, wl_user, wih.data(), wl_md);
    w_iter = prepack(eng, strm, wi_user, whh.data(), wi_md);
    bias = memory(b_md, eng);
    std::memcpy(bias.get_data_handle(), b.data(), b.size() * sizeof(float));
  }

  void run(float *const *out) override {
    std::unordered_map<int, memory> args{
        {DNNL_ARG_SRC_LAYER, memory(x_md, eng, const_cast<float *>(x))},
        {DNNL_ARG_WEIGHTS_LAYER, w_layer},
        {DNNL_ARG_WEIGHTS_ITER, w_iter},
        {DNNL_ARG_BIAS, bias},
        {DNNL_ARG_DST_LAYER, memory(y_md, eng, out[0])},
        {DNNL_ARG_DST_ITER, memory(h_md, eng, out[1])}};
    if (lstm)
      args[DNNL_ARG_DST_ITER_C] = memory(h_md, eng, out[2]);
    prim.execute(strm, args);
    strm.wait();
  }
};

// One batch entry of a [batch, rows, cols] descriptor with the same
// strides, and the distance in elements between entries.
memory::desc oneEntry(const memory::desc &md, int64_t &step) {
  memory::dims d = md.dims();
  const auto &st = md.data.format_desc.blocking.strides;
  step = st[0];
  return memory::desc({1, d[1], d[2]}, dt::f32,
                      memory::dims{st[0], st[1], st[2]});
}

// softmax(q k^T * scale [+ causal mask]) v for `batch` independent heads
// whose q, k^T, v and output are described by the given (possibly strided)
// memory descriptors; the scores live in a buffer of their own. The mask
// is a binary-add post-op of the scores matmul; oneDNN 2.6 runs a matmul
// whose binary post-op broadcasts over the batch with its reference
// implementation only, so with a mask the scores matmul runs per head.
struct AttentionCore {
  matmul scores_mm, out_mm;
  softmax_forward softmax;
  memory::desc q_md, kt_md, v_md, o_md, s_md, q1_md, kt1_md, s1_md;
  int64_t batch, q_step = 0, kt_step = 0;
  memory scores, mask;

  AttentionCore(Peer &p, int64_t batch, int64_t Sq, int64_t Sk, int64_t D,
                bool causal, const memory::desc &q, const memory::desc &kt,
                const memory::desc &v, const memory::desc &o)
      : q_md(q), kt_md(kt), v_md(v), o_md(o), batch(batch) {
    s_md = memory::desc({batch, Sq, Sk}, dt::f32, tag::abc);
    primitive_attr attr;
    attr.set_output_scales(0, {1.0f / std::sqrt(static_cast<float>(D))});
    if (causal) {
      memory::desc mask_md({1, Sq, Sk}, dt::f32, tag::abc);
      post_ops ops;
      ops.append_binary(algorithm::binary_add, mask_md);
      attr.set_post_ops(ops);
      mask = memory(mask_md, p.eng);
      auto *m = static_cast<float *>(mask.get_data_handle());
      // Query i sees keys 0 .. i: PyTorch's triu(1) mask.
      for (int64_t i = 0; i < Sq; ++i)
        for (int64_t j = 0; j < Sk; ++j)
          m[i * Sk + j] =
              j > i ? -std::numeric_limits<float>::infinity() : 0.0f;
      q1_md = oneEntry(q, q_step);
      kt1_md = oneEntry(kt, kt_step);
      s1_md = memory::desc({1, Sq, Sk}, dt::f32, tag::abc);
      scores_mm = matmul(matmul::primitive_desc(
          matmul::desc(q1_md, kt1_md, s1_md), attr, p.eng));
    } else {
      scores_mm = matmul(
          matmul::primitive_desc(matmul::desc(q, kt, s_md), attr, p.eng));
    }
    softmax = softmax_forward(softmax_forward::primitive_desc(
        softmax_forward::desc(prop_kind::forward_inference, s_md, 2), p.eng));
    out_mm = matmul(matmul::primitive_desc(matmul::desc(s_md, v, o), p.eng));
    scores = memory(s_md, p.eng);
  }

  void run(Peer &p, const float *qp, const float *kp, const float *vp,
           float *op) {
    if (mask) {
      auto *s = static_cast<float *>(scores.get_data_handle());
      int64_t s_step = s1_md.dims()[1] * s1_md.dims()[2];
      for (int64_t b = 0; b < batch; ++b)
        scores_mm.execute(
            p.strm,
            {{DNNL_ARG_SRC,
              memory(q1_md, p.eng, const_cast<float *>(qp + b * q_step))},
             {DNNL_ARG_WEIGHTS,
              memory(kt1_md, p.eng, const_cast<float *>(kp + b * kt_step))},
             {DNNL_ARG_DST, memory(s1_md, p.eng, s + b * s_step)},
             {DNNL_ARG_ATTR_MULTIPLE_POST_OP(0) | DNNL_ARG_SRC_1, mask}});
    } else {
      scores_mm.execute(
          p.strm,
          {{DNNL_ARG_SRC, memory(q_md, p.eng, const_cast<float *>(qp))},
           {DNNL_ARG_WEIGHTS, memory(kt_md, p.eng, const_cast<float *>(kp))},
           {DNNL_ARG_DST, scores}});
    }
    softmax.execute(p.strm, {{DNNL_ARG_SRC, scores}, {DNNL_ARG_DST, scores}});
    out_mm.execute(p.strm, {{DNNL_ARG_SRC, scores},
                            {DNNL_ARG_WEIGHTS,
                             memory(v_md, p.eng, const_cast<float *>(vp))},
                            {DNNL_ARG_DST, memory(o_md, p.eng, op)}});
  }
};

// dims BH, Sq, Sk, D, causal; inputs q [BH, Sq, D], k and v [BH, Sk, D].
struct Sdpa : Peer {
  std::unique_ptr<AttentionCore> core;
  const float *q, *k, *v;
  Sdpa(const std::vector<int64_t> &d, const float *const *in) {
    if (d.size() != 5)
      throw std::invalid_argument("sdpa takes dims BH, Sq, Sk, D, causal");
    int64_t BH = d[0], Sq = d[1], Sk = d[2], D = d[3];
    if (d[4] && Sq != Sk)
      throw std::invalid_argument("sdpa: causal takes Sq == Sk");
    q = in[0], k = in[1], v = in[2];
    core = std::make_unique<AttentionCore>(
        *this, BH, Sq, Sk, D, d[4] != 0,
        memory::desc({BH, Sq, D}, dt::f32, tag::abc),
        // k^T: [BH, D, Sk] over k's [BH, Sk, D] storage.
        memory::desc({BH, D, Sk}, dt::f32, memory::dims{Sk * D, 1, D}),
        memory::desc({BH, Sk, D}, dt::f32, tag::abc),
        memory::desc({BH, Sq, D}, dt::f32, tag::abc));
  }
  void run(float *const *out) override {
    core->run(*this, q, k, v, out[0]);
    strm.wait();
  }
};

// dims S, E, H; inputs x [1, S, E], in_proj_weight [3E, E], in_proj_bias
// [3E], out_proj.weight [E, E], out_proj.bias [E]; output [1, S, E].
struct Mha : Peer {
  std::unique_ptr<MatmulWithPackedWeights> in_proj, out_proj;
  std::unique_ptr<AttentionCore> core;
  std::vector<float> qkv, ctx;
  const float *x;
  int64_t E;
  Mha(const std::vector<int64_t> &d, const float *const *in) {
    if (d.size() != 3)
      throw std::invalid_argument("mha takes dims S, E, H");
    int64_t S = d[0], H = d[2];
    E = d[1];
    if (H <= 0 || E % H != 0)
      throw std::invalid_argument("mha: E must be a multiple of H");
    int64_t D = E / H;
    x = in[0];
    qkv.resize(S * 3 * E);
    ctx.resize(S * E);
    in_proj = std::make_unique<MatmulWithPackedWeights>(*this, S, 3 * E, E,
                                                        in[1], in[2]);
    out_proj =
        std::make_unique<MatmulWithPackedWeights>(*this, S, E, E, in[3], in[4]);
    // Head h of q (k, v) is columns [h*D, (h+1)*D) (+E, +2E) of qkv.
    core = std::make_unique<AttentionCore>(
        *this, H, S, S, D, false,
        memory::desc({H, S, D}, dt::f32, memory::dims{D, 3 * E, 1}),
        memory::desc({H, D, S}, dt::f32, memory::dims{D, 1, 3 * E}),
        memory::desc({H, S, D}, dt::f32, memory::dims{D, 3 * E, 1}),
        memory::desc({H, S, D}, dt::f32, memory::dims{D, E, 1}));
  }
  void run(float *const *out) override {
    in_proj->run(*this, x, qkv.data());
    core->run(*this, qkv.data(), qkv.data() + E, qkv.data() + 2 * E,
              ctx.data());
    out_proj->run(*this, ctx.data(), out[0]);
    strm.wait();
  }
};

} // namespace

extern "C" {

void *onednn_create(const char *op, const int64_t *dims, int ndims,
                    const float *const *inputs, char *err, int errlen) {
  std::vector<int64_t> d(dims, dims + ndims);
  std::string name(op);
  try {
    if (name == "linear")
      return new Linear(d, inputs);
    if (name == "lstm" || name == "gru")
      return new Recurrent(name == "lstm", d, inputs);
    if (name == "sdpa")
      return new Sdpa(d, inputs);
    if (name == "mha")
      return new Mha(d, inputs);
    std::snprintf(err, errlen, "unknown workload kind '%s'", op);
  } catch (const dnnl::error &e) {
    std::snprintf(err, errlen, "oneDNN: %s (status %d)", e.what(),
                  static_cast<int>(e.status));
  } catch (const std::exception &e) {
    std::snprintf(err, errlen, "%s", e.what());
  }
  return nullptr;
}

int onednn_run(void *handle, float *const *outputs) {
  try {
    static_cast<Peer *>(handle)->run(outputs);
    return 0;
  } catch (const std::exception &e) {
    std::fprintf(stderr, "oneDNN: %s\n", e.what());
    return 1;
  }
}

void onednn_destroy(void *handle) { delete static_cast<Peer *>(handle); }

const char *onednn_version() {
  static char text[64];
  const dnnl_version_t *v = dnnl_version();
  std::snprintf(
      text, sizeof(text), "oneDNN %d.%d.%d (%s)", v->major, v->minor, v->patch,
      v->cpu_runtime == DNNL_RUNTIME_OMP ? "OpenMP" : "other runtime");
  return text;
}

} // extern "C"

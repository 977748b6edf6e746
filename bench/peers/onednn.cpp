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
//   linear_bf16, lstm_bf16, gru_bf16
//           the same in oneDNN's bf16 mode, as its users run it: weights
//           reordered once into bf16, the f32 activations reordered into
//           bf16 at each run (and the bf16 results back into f32), bf16
//           products accumulated in f32 (AVX512-BF16's vdpbf16ps where the
//           CPU has it); biases, the matmul's output and the LSTM's cell
//           state in f32;
//   mha     nn.MultiheadAttention's self-attention: the packed input
//           projection (matmul + bias), the heads' attention read in place
//           from the packed [S, 3E] buffer through strided memory
//           descriptors and written in place to [S, E], the output
//           projection (matmul + bias).
//
// The C interface: onednn_create(op, dims, ndims, inputs, outputs, err,
// errlen) returns a handle (NULL with a message in err on failure); inputs
// are the arrays of the s2s function's arguments, in its order and
// PyTorch's layouts, outputs those of its results. The weights are read at
// creation, the activations at every run; a run executes the primitives
// with the memory objects and arguments made at creation, as a user's
// inference loop would, and writes the outputs.
// onednn_run(handle) runs once.
//
//===----------------------------------------------------------------------===//

#include "oneapi/dnnl/dnnl.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <limits>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

using namespace dnnl;
using dt = memory::data_type;
using tag = memory::format_tag;

namespace {

using Args = std::unordered_map<int, memory>;

/// A workload: the primitives to execute in order, each with its
/// arguments, all made at creation.
struct Peer {
  engine eng{engine::kind::cpu, 0};
  stream strm{eng};
  std::vector<std::pair<primitive, Args>> steps;
  virtual ~Peer() = default;

  /// A memory object over the caller's array `data`.
  memory wrap(const memory::desc &md, const float *data) {
    return memory(md, eng, const_cast<float *>(data));
  }
  void run() {
    for (auto &[prim, args] : steps)
      prim.execute(strm, args);
    strm.wait();
  }
};

/// The weights `user` (plain, in the caller's layout) reordered once into
/// the layout `want` that a primitive chose.
memory prepack(Peer &p, const memory::desc &user, const float *data,
               const memory::desc &want) {
  memory src = p.wrap(user, data);
  memory dst(want, p.eng);
  reorder(src, dst).execute(p.strm, src, dst);
  p.strm.wait();
  return dst;
}

/// A memory object of `md` (of its own) that a reorder step fills from the
/// caller's f32 array `data` (of `user`) at each run.
memory convertedInput(Peer &p, const memory::desc &user, const float *data,
                      const memory::desc &md) {
  memory src = p.wrap(user, data);
  memory dst(md, p.eng);
  p.steps.emplace_back(reorder(src, dst),
                       Args{{DNNL_ARG_FROM, src}, {DNNL_ARG_TO, dst}});
  return dst;
}

/// A reorder step writing `result` into the caller's f32 array `data` (of
/// `user`), to run after the primitive that computes `result`.
std::pair<primitive, Args> convertedOutput(Peer &p, const memory &result,
                                           const memory::desc &user,
                                           float *data) {
  memory dst = p.wrap(user, data);
  return {reorder(result, dst),
          Args{{DNNL_ARG_FROM, result}, {DNNL_ARG_TO, dst}}};
}

/// A memory object of its own holding a copy of `values`.
memory copyOf(Peer &p, const memory::desc &md,
              const std::vector<float> &values) {
  memory m(md, p.eng);
  std::memcpy(m.get_data_handle(), values.data(),
              values.size() * sizeof(float));
  return m;
}

/// Adds y[M, N] = x[M, K] W^T (+ b), W given as [N, K] and reordered once
/// into the layout the matmul primitive prefers; with `bf16`, x and W in
/// bf16 (x converted at each run), y in f32.
void addLinear(Peer &p, int64_t M, int64_t N, int64_t K, const float *w,
               const float *b, const float *x, float *y, bool bf16 = false) {
  dt in = bf16 ? dt::bf16 : dt::f32;
  memory::desc x_md({M, K}, dt::f32, tag::ab);
  memory::desc src_md({M, K}, in, tag::ab);
  memory::desc dst_md({M, N}, dt::f32, tag::ab);
  memory::desc w_any({K, N}, in, tag::any);
  memory::desc b_md =
      b ? memory::desc({1, N}, dt::f32, tag::ab) : memory::desc();
  matmul::primitive_desc pd(matmul::desc(src_md, w_any, b_md, dst_md), p.eng);
  memory src = bf16 ? convertedInput(p, x_md, x, src_md) : p.wrap(src_md, x);
  Args args{
      {DNNL_ARG_SRC, src},
      {DNNL_ARG_WEIGHTS, prepack(p, memory::desc({K, N}, dt::f32, tag::ba), w,
                                 pd.weights_desc())},
      {DNNL_ARG_DST, p.wrap(dst_md, y)}};
  if (b)
    args[DNNL_ARG_BIAS] = copyOf(p, b_md, std::vector<float>(b, b + N));
  p.steps.emplace_back(matmul(pd), std::move(args));
}

/// dims M, N, K; inputs x [M, K], w [N, K]; output y [M, N].
struct Linear : Peer {
  Linear(const std::vector<int64_t> &d, const float *const *in,
         float *const *out, bool bf16) {
    if (d.size() != 3)
      throw std::invalid_argument("linear takes dims M, N, K");
    addLinear(*this, d[0], d[1], d[2], in[1], nullptr, in[0], out[0], bf16);
  }
};

/// Shared by LSTM and GRU: dims T, B, I, H; inputs x [T, B, I], w_ih
/// [1, G*H, I], w_hh [1, G*H, H], b_ih [1, G*H], b_hh [1, G*H]; outputs y
/// [T, B, H], h_n [1, B, H] (and c_n for the LSTM).
struct Recurrent : Peer {
  Recurrent(bool lstm, const std::vector<int64_t> &d, const float *const *in,
            float *const *out, bool bf16) {
    if (d.size() != 4)
      throw std::invalid_argument("lstm / gru take dims T, B, I, H");
    int64_t T = d[0], B = d[1], I = d[2], H = d[3];
    int64_t G = lstm ? 4 : 3;
    // bf16: the layer's input, output and hidden state in bf16 (converted
    // from and to the caller's f32 arrays at each run), the cell state f32.
    dt act = bf16 ? dt::bf16 : dt::f32;
    memory::desc x_user({T, B, I}, dt::f32, tag::tnc);
    memory::desc y_user({T, B, H}, dt::f32, tag::tnc);
    memory::desc hn_user({1, 1, B, H}, dt::f32, tag::ldnc);
    memory::desc x_md({T, B, I}, act, tag::tnc);
    memory::desc y_md({T, B, H}, act, tag::tnc);
    memory::desc h_md({1, 1, B, H}, act, tag::ldnc);
    memory::desc c_md({1, 1, B, H}, dt::f32, tag::ldnc);
    memory::desc wl_any({1, 1, I, G, H}, act, tag::any);
    memory::desc wi_any({1, 1, H, G, H}, act, tag::any);
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
    // Four bias gates for both: the LSTM's b_ih + b_hh; the GRU's u, r
    // (both biases), o (b_in) and u' (b_hn, inside r * (.)).
    std::vector<float> b(4 * H);
    for (int64_t i = 0; i < H; ++i) {
      if (lstm) {
        for (int64_t g = 0; g < 4; ++g)
          b[g * H + i] = bih[g * H + i] + bhh[g * H + i];
        continue;
      }
      b[i] = bih[H + i] + bhh[H + i];
      b[H + i] = bih[i] + bhh[i];
      b[2 * H + i] = bih[2 * H + i];
      b[3 * H + i] = bhh[2 * H + i];
    }
    memory::desc b_md({1, 1, 4, H}, dt::f32, tag::ldgo);
    memory::desc none;
    memory::desc wl_user({1, 1, I, G, H}, dt::f32, tag::ldgoi);
    memory::desc wi_user({1, 1, H, G, H}, dt::f32, tag::ldgoi);
    primitive prim;
    memory::desc wl_md, wi_md;
    if (lstm) {
      lstm_forward::primitive_desc pd(
          lstm_forward::desc(prop_kind::forward_inference,
                             rnn_direction::unidirectional_left2right, x_md,
                             none, none, wl_any, wi_any, b_md, y_md, h_md,
                             c_md),
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
    memory x =
        bf16 ? convertedInput(*this, x_user, in[0], x_md) : wrap(x_md, in[0]);
    memory y = bf16 ? memory(y_md, eng) : wrap(y_md, out[0]);
    memory hn = bf16 ? memory(h_md, eng) : wrap(h_md, out[1]);
    Args args{
        {DNNL_ARG_SRC_LAYER, x},
        {DNNL_ARG_WEIGHTS_LAYER, prepack(*this, wl_user, wih.data(), wl_md)},
        {DNNL_ARG_WEIGHTS_ITER, prepack(*this, wi_user, whh.data(), wi_md)},
        {DNNL_ARG_BIAS, copyOf(*this, b_md, b)},
        {DNNL_ARG_DST_LAYER, y},
        {DNNL_ARG_DST_ITER, hn}};
    if (lstm)
      args[DNNL_ARG_DST_ITER_C] = wrap(c_md, out[2]);
    steps.emplace_back(prim, std::move(args));
    if (bf16) {
      steps.push_back(convertedOutput(*this, y, y_user, out[0]));
      steps.push_back(convertedOutput(*this, hn, hn_user, out[1]));
    }
  }
};

/// One batch entry of a [batch, rows, cols] descriptor with the same
/// strides, and the distance in elements between entries.
memory::desc oneEntry(const memory::desc &md, int64_t &step) {
  memory::dims d = md.dims();
  const auto &st = md.data.format_desc.blocking.strides;
  step = st[0];
  return memory::desc({1, d[1], d[2]}, dt::f32,
                      memory::dims{st[0], st[1], st[2]});
}

/// Adds softmax(q k^T * scale [+ causal mask]) v for `batch` independent
/// heads whose q, k^T, v and output are described by the given (possibly
/// strided) memory descriptors over the arrays qp, kp, vp and op; the
/// scores live in a buffer of their own. The mask is a binary-add post-op
/// of the scores matmul; oneDNN 2.6 runs a matmul whose binary post-op
/// broadcasts over the batch with its reference implementation only, so
/// with a mask the scores matmul runs per head.
void addAttention(Peer &p, int64_t batch, int64_t Sq, int64_t Sk, int64_t D,
                  bool causal, const memory::desc &q_md,
                  const memory::desc &kt_md, const memory::desc &v_md,
                  const memory::desc &o_md, const float *qp, const float *kp,
                  const float *vp, float *op) {
  memory::desc s_md({batch, Sq, Sk}, dt::f32, tag::abc);
  memory scores(s_md, p.eng);
  primitive_attr attr;
  attr.set_output_scales(0, {1.0f / std::sqrt(static_cast<float>(D))});
  if (causal) {
    memory::desc mask_md({1, Sq, Sk}, dt::f32, tag::abc);
    post_ops ops;
    ops.append_binary(algorithm::binary_add, mask_md);
    attr.set_post_ops(ops);
    // Query i sees keys 0 .. i: PyTorch's triu(1) mask.
    std::vector<float> m(Sq * Sk);
    for (int64_t i = 0; i < Sq; ++i)
      for (int64_t j = 0; j < Sk; ++j)
        m[i * Sk + j] = j > i ? -std::numeric_limits<float>::infinity() : 0.0f;
    memory mask = copyOf(p, mask_md, m);
    int64_t q_step, kt_step;
    memory::desc q1_md = oneEntry(q_md, q_step);
    memory::desc kt1_md = oneEntry(kt_md, kt_step);
    memory::desc s1_md({1, Sq, Sk}, dt::f32, tag::abc);
    matmul head(matmul::primitive_desc(matmul::desc(q1_md, kt1_md, s1_md), attr,
                                       p.eng));
    auto *s = static_cast<float *>(scores.get_data_handle());
    for (int64_t b = 0; b < batch; ++b)
      p.steps.emplace_back(
          head,
          Args{{DNNL_ARG_SRC, p.wrap(q1_md, qp + b * q_step)},
               {DNNL_ARG_WEIGHTS, p.wrap(kt1_md, kp + b * kt_step)},
               {DNNL_ARG_DST, p.wrap(s1_md, s + b * Sq * Sk)},
               {DNNL_ARG_ATTR_MULTIPLE_POST_OP(0) | DNNL_ARG_SRC_1, mask}});
  } else {
    p.steps.emplace_back(matmul(matmul::primitive_desc(
                             matmul::desc(q_md, kt_md, s_md), attr, p.eng)),
                         Args{{DNNL_ARG_SRC, p.wrap(q_md, qp)},
                              {DNNL_ARG_WEIGHTS, p.wrap(kt_md, kp)},
                              {DNNL_ARG_DST, scores}});
  }
  p.steps.emplace_back(
      softmax_forward(softmax_forward::primitive_desc(
          softmax_forward::desc(prop_kind::forward_inference, s_md, 2), p.eng)),
      Args{{DNNL_ARG_SRC, scores}, {DNNL_ARG_DST, scores}});
  p.steps.emplace_back(
      matmul(matmul::primitive_desc(matmul::desc(s_md, v_md, o_md), p.eng)),
      Args{{DNNL_ARG_SRC, scores},
           {DNNL_ARG_WEIGHTS, p.wrap(v_md, vp)},
           {DNNL_ARG_DST, p.wrap(o_md, op)}});
}

/// dims BH, Sq, Sk, D, causal; inputs q [BH, Sq, D], k and v [BH, Sk, D];
/// output [BH, Sq, D].
struct Sdpa : Peer {
  Sdpa(const std::vector<int64_t> &d, const float *const *in,
       float *const *out) {
    if (d.size() != 5)
      throw std::invalid_argument("sdpa takes dims BH, Sq, Sk, D, causal");
    int64_t BH = d[0], Sq = d[1], Sk = d[2], D = d[3];
    if (d[4] && Sq != Sk)
      throw std::invalid_argument("sdpa: causal takes Sq == Sk");
    addAttention(*this, BH, Sq, Sk, D, d[4] != 0,
                 memory::desc({BH, Sq, D}, dt::f32, tag::abc),
                 // k^T: [BH, D, Sk] over k's [BH, Sk, D] storage.
                 memory::desc({BH, D, Sk}, dt::f32, memory::dims{Sk * D, 1, D}),
                 memory::desc({BH, Sk, D}, dt::f32, tag::abc),
                 memory::desc({BH, Sq, D}, dt::f32, tag::abc), in[0], in[1],
                 in[2], out[0]);
  }
};

/// dims S, E, H; inputs x [1, S, E], in_proj_weight [3E, E], in_proj_bias
/// [3E], out_proj.weight [E, E], out_proj.bias [E]; output [1, S, E].
struct Mha : Peer {
  std::vector<float> qkv, ctx;
  Mha(const std::vector<int64_t> &d, const float *const *in,
      float *const *out) {
    if (d.size() != 3)
      throw std::invalid_argument("mha takes dims S, E, H");
    int64_t S = d[0], E = d[1], H = d[2];
    if (H <= 0 || E % H != 0)
      throw std::invalid_argument("mha: E must be a multiple of H");
    int64_t D = E / H;
    qkv.resize(S * 3 * E);
    ctx.resize(S * E);
    addLinear(*this, S, 3 * E, E, in[1], in[2], in[0], qkv.data());
    // Head h of q (k, v) is columns [h*D, (h+1)*D) (+E, +2E) of qkv.
    addAttention(*this, H, S, S, D, false,
                 memory::desc({H, S, D}, dt::f32, memory::dims{D, 3 * E, 1}),
                 memory::desc({H, D, S}, dt::f32, memory::dims{D, 1, 3 * E}),
                 memory::desc({H, S, D}, dt::f32, memory::dims{D, 3 * E, 1}),
                 memory::desc({H, S, D}, dt::f32, memory::dims{D, E, 1}),
                 qkv.data(), qkv.data() + E, qkv.data() + 2 * E, ctx.data());
    addLinear(*this, S, E, E, in[3], in[4], ctx.data(), out[0]);
  }
};

} // namespace

extern "C" {

void *onednn_create(const char *op, const int64_t *dims, int ndims,
                    const float *const *inputs, float *const *outputs,
                    char *err, int errlen) {
  std::vector<int64_t> d(dims, dims + ndims);
  std::string name(op);
  try {
    // "KIND_bf16": KIND in oneDNN's bf16 mode (linear, lstm, gru).
    bool bf16 =
        name.size() > 5 && name.compare(name.size() - 5, 5, "_bf16") == 0;
    std::string kind = bf16 ? name.substr(0, name.size() - 5) : name;
    if (kind == "linear")
      return new Linear(d, inputs, outputs, bf16);
    if (kind == "lstm" || kind == "gru")
      return new Recurrent(kind == "lstm", d, inputs, outputs, bf16);
    if (name == "sdpa")
      return new Sdpa(d, inputs, outputs);
    if (name == "mha")
      return new Mha(d, inputs, outputs);
    std::snprintf(err, errlen, "unknown workload kind '%s'", op);
  } catch (const dnnl::error &e) {
    std::snprintf(err, errlen, "oneDNN: %s (status %d)", e.what(),
                  static_cast<int>(e.status));
  } catch (const std::exception &e) {
    std::snprintf(err, errlen, "%s", e.what());
  }
  return nullptr;
}

int onednn_run(void *handle) {
  try {
    static_cast<Peer *>(handle)->run();
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

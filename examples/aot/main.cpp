//===- main.cpp - run an ahead-of-time compiled s2s model -----------------===//
//
// Links the Seq2Seq example compiled by s2s-compile and decodes the bundled
// source sentences. It needs nothing from s2s or LLVM at run time: only the
// object file (or shared library) and the header that s2s-compile wrote.
//
//   s2s-compile examples/seq2seq/seq2seq_bahdanau.mlir --emit=obj \
//       -o seq2seq.o --header=seq2seq_bahdanau.h
//   c++ -std=c++17 -I. examples/aot/main.cpp seq2seq.o -o seq2seq -lm
//   ./seq2seq examples/seq2seq/data
//
//===----------------------------------------------------------------------===//

#include "seq2seq_bahdanau.h"

#include "npy.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

using npy::Array;
using npy::describe;
using npy::readNpy;

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s DATA_DIR (examples/seq2seq/data)\n",
                 argv[0]);
    return 2;
  }
  std::string dir = argv[1];
  // The model's arguments, in order (see the header and data/manifest.json).
  const char *names[] = {"src",
                         "v",
                         "src_emb_weight",
                         "tgt_emb_weight",
                         "enc_weight_ih_l0",
                         "enc_weight_hh_l0",
                         "enc_bias_ih_l0",
                         "enc_bias_hh_l0",
                         "W_query_weight",
                         "W_keys_weight",
                         "dec_weight_ih",
                         "dec_weight_hh",
                         "dec_bias_ih",
                         "dec_bias_hh",
                         "out_weight",
                         "out_bias"};
  // Their ranks: src, v and the biases are not matrices.
  const size_t ranks[] = {2, 1, 2, 2, 2, 2, 1, 1, 2, 2, 2, 2, 1, 1, 2, 1};
  Array in[16];
  for (int i = 0; i < 16; ++i)
    if (!readNpy(dir + "/" + names[i] + ".npy", i == 0 ? "<i8" : "<f4",
                 ranks[i], in[i]))
      return 2;

  auto d1 = [&](int i) {
    return describe<s2s_memref_f32_1d>(in[i].data<float>(), in[i].shape);
  };
  auto d2 = [&](int i) {
    return describe<s2s_memref_f32_2d>(in[i].data<float>(), in[i].shape);
  };
  s2s_memref_i64_2d src =
      describe<s2s_memref_i64_2d>(in[0].data<int64_t>(), in[0].shape);
  s2s_memref_f32_1d v = d1(1), encBih = d1(6), encBhh = d1(7), decBih = d1(12),
                    decBhh = d1(13), outB = d1(15);
  s2s_memref_f32_2d srcEmb = d2(2), tgtEmb = d2(3), encWih = d2(4),
                    encWhh = d2(5), wq = d2(8), wk = d2(9), decWih = d2(10),
                    decWhh = d2(11), outW = d2(14);

  const int64_t steps = 6, batch = 3;
  std::vector<int64_t> tokens(steps * batch);
  s2s_memref_i64_2d out =
      describe<s2s_memref_i64_2d>(tokens.data(), {steps, batch});

  // 0, or the number of the first check of the arguments that fails
  // (listed in the generated header); nothing is computed then.
  auto run = [&] {
    return _mlir_ciface_main(&src, &v, &srcEmb, &tgtEmb, &encWih, &encWhh,
                             &encBih, &encBhh, &wq, &wk, &decWih, &decWhh,
                             &decBih, &decBhh, &outW, &outB, &out);
  };
  if (int32_t status = run()) {
    std::fprintf(stderr, "error: the model returned status %d (see %s)\n",
                 (int)status, "seq2seq_bahdanau.h");
    return 1;
  }
  auto start = std::chrono::steady_clock::now();
  const int calls = 100;
  for (int i = 0; i < calls; ++i)
    run();
  double us = std::chrono::duration<double, std::micro>(
                  std::chrono::steady_clock::now() - start)
                  .count() /
              calls;

  // Same layout as s2s-run prints a result.
  std::printf("result #0: tensor<%ldx%ldxi64>\n", (long)steps, (long)batch);
  for (int64_t s = 0; s < steps; ++s) {
    std::printf("%s", s == 0 ? "[[" : " [");
    for (int64_t b = 0; b < batch; ++b)
      std::printf(b ? ", %ld" : "%ld", (long)tokens[s * batch + b]);
    std::printf(s + 1 == steps ? "]]\n" : "]\n");
  }
  std::fprintf(stderr, "time per call: %.2f us (mean of %d calls)\n", us,
               calls);
  return 0;
}

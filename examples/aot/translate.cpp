//===- translate.cpp - translate dates with the compiled date model -------===//
//
// Links the date translator of examples/dates, compiled by s2s-compile with
// its trained weights inside (--bind) into a shared library (or an object
// file), and translates the sentences given on its command line: dates
// written in words, to ISO form. It reads the vocabulary from
// examples/dates/weights/vocab.json, encodes the sentences as one batch, and
// calls the model's two entry points, @greedy and @beam_search (beam width
// 4), with the sentences alone; they decode until every sentence has
// emitted its end token.
//
//   s2s-compile examples/dates/dates.mlir --bind=examples/dates/weights
//       --emit=shared -o libdates.so --header=dates.h
//   c++ -std=c++17 -I. -Iexamples/aot examples/aot/translate.cpp
//       ./libdates.so -o translate
//   ./translate examples/dates/weights "march 23, 1999" "1 may 2000"
//
// (examples/dates/translate.sh does the three steps.)
//
// Nothing from s2s or LLVM is needed at run time, and no weight file: the
// library holds them.
//
//===----------------------------------------------------------------------===//

#include "dates.h"

#include "npy.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

constexpr int64_t kCapacity = 12; // target rows the model returns
constexpr int64_t kBeams = 4;
constexpr int64_t kPad = 0, kEos = 2;
// Target token ids 3.. are these characters (vocab.json "target_tokens").
constexpr char kTargetChars[] = "0123456789-";

/// The source characters of vocab.json, in id order from 1 (0 is PAD): the
/// one-character strings of its "source_chars" array.
bool readSourceChars(const std::string &path, std::string &chars) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "error: cannot open %s\n", path.c_str());
    return false;
  }
  std::string text((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  size_t pos = text.find("\"source_chars\"");
  size_t open = pos == std::string::npos ? pos : text.find('[', pos);
  size_t close = open == std::string::npos ? open : text.find(']', open);
  if (close == std::string::npos) {
    std::fprintf(stderr, "error: %s has no \"source_chars\" array\n",
                 path.c_str());
    return false;
  }
  chars.clear();
  for (size_t i = open + 1; i < close; ++i) {
    if (text[i] != '"')
      continue;
    if (i + 2 >= close || text[i + 2] != '"') {
      std::fprintf(stderr,
                   "error: %s: \"source_chars\" must hold strings "
                   "of one character\n",
                   path.c_str());
      return false;
    }
    chars.push_back(text[i + 1]);
    i += 2;
  }
  return true;
}

/// Tokens of one sentence (column `b` of a [rows, batch] array) as text, up
/// to the end token.
std::string decode(const std::vector<int64_t> &tokens, int64_t batch,
                   int64_t b) {
  std::string text;
  for (int64_t t = 0; t < kCapacity; ++t) {
    int64_t id = tokens[t * batch + b];
    if (id == kEos || id == kPad)
      break;
    if (id >= 3 && id < 3 + static_cast<int64_t>(sizeof(kTargetChars) - 1))
      text.push_back(kTargetChars[id - 3]);
    else
      text += "<" + std::to_string(id) + ">";
  }
  return text;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: %s MODEL_DIR SENTENCE... "
                 "(MODEL_DIR: examples/dates/weights, for vocab.json)\n",
                 argv[0]);
    return 2;
  }
  std::string dir = argv[1];
  std::string chars;
  if (!readSourceChars(dir + "/vocab.json", chars))
    return 2;

  // The batch, time-major [T, B], PAD after each sentence's end.
  std::vector<std::string> sentences(argv + 2, argv + argc);
  const int64_t batch = sentences.size();
  int64_t steps = 0;
  for (const std::string &s : sentences)
    steps = std::max<int64_t>(steps, s.size());
  std::vector<int64_t> src(steps * batch, 0), lens(batch);
  for (int64_t b = 0; b < batch; ++b) {
    const std::string &s = sentences[b];
    if (s.empty()) {
      std::fprintf(stderr, "error: sentence %ld is empty\n", (long)b + 1);
      return 2;
    }
    lens[b] = s.size();
    for (size_t t = 0; t < s.size(); ++t) {
      size_t id = chars.find(s[t]);
      if (id == std::string::npos) {
        unsigned char c = static_cast<unsigned char>(s[t]);
        char shown[8];
        if (c >= 0x20 && c < 0x7f)
          std::snprintf(shown, sizeof(shown), "'%c'", c);
        else
          std::snprintf(shown, sizeof(shown), "\\x%02x", c);
        std::fprintf(stderr,
                     "error: sentence %ld (\"%s\"): the character %s at "
                     "offset %zu is not in the model's vocabulary \"%s\"\n",
                     (long)b + 1, s.c_str(), shown, t, chars.c_str());
        return 2;
      }
      src[t * batch + b] = static_cast<int64_t>(id) + 1;
    }
  }

  s2s_memref_i64_2d srcDesc =
      npy::describe<s2s_memref_i64_2d>(src.data(), {steps, batch});
  s2s_memref_i64_1d lensDesc =
      npy::describe<s2s_memref_i64_1d>(lens.data(), {batch});
  int64_t maxLen = kCapacity;
  s2s_memref_i64_0d maxLenDesc = {&maxLen, &maxLen, 0};

  // Results: the tokens [12, B] (rows past the steps run hold PAD) and the
  // number of steps; beam search also gives every beam and its score.
  std::vector<int64_t> greedyTokens(kCapacity * batch),
      beamTokens(kCapacity * batch), beamAll(kCapacity * batch * kBeams);
  std::vector<float> beamScores(batch * kBeams);
  int64_t greedySteps = 0, beamSteps = 0;
  s2s_memref_i64_2d greedyOut =
      npy::describe<s2s_memref_i64_2d>(greedyTokens.data(), {kCapacity, batch});
  s2s_memref_i64_0d greedyStepsOut = {&greedySteps, &greedySteps, 0};
  s2s_memref_i64_2d beamOut =
      npy::describe<s2s_memref_i64_2d>(beamTokens.data(), {kCapacity, batch});
  s2s_memref_i64_3d beamAllOut = npy::describe<s2s_memref_i64_3d>(
      beamAll.data(), {kCapacity, batch, kBeams});
  s2s_memref_f32_2d beamScoresOut =
      npy::describe<s2s_memref_f32_2d>(beamScores.data(), {batch, kBeams});
  s2s_memref_i64_0d beamStepsOut = {&beamSteps, &beamSteps, 0};

  // Each returns 0, or the number of the first check of its arguments that
  // fails (listed in dates.h): a source length outside [0, T] or a shape
  // that is not the model's; nothing is computed then.
  auto greedy = [&] {
    return _mlir_ciface_greedy(&srcDesc, &lensDesc, &maxLenDesc, &greedyOut,
                               &greedyStepsOut);
  };
  auto beamSearch = [&] {
    return _mlir_ciface_beam_search(&srcDesc, &lensDesc, &maxLenDesc, &beamOut,
                                    &beamAllOut, &beamScoresOut, &beamStepsOut);
  };
  // Times one call of `decoder` (after a first one, which also checks the
  // status), in microseconds per call over a few calls.
  auto time = [](auto &&decoder, const char *name, double &us) {
    if (int32_t status = decoder()) {
      std::fprintf(stderr, "error: @%s returned status %d (see dates.h)\n",
                   name, (int)status);
      return false;
    }
    const int calls = 20;
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < calls; ++i)
      decoder();
    us = std::chrono::duration<double, std::micro>(
             std::chrono::steady_clock::now() - start)
             .count() /
         calls;
    return true;
  };
  double greedyUs = 0, beamUs = 0;
  if (!time(greedy, "greedy", greedyUs) ||
      !time(beamSearch, "beam_search", beamUs))
    return 1;

  for (int64_t b = 0; b < batch; ++b) {
    std::string g = decode(greedyTokens, batch, b);
    std::string beam = decode(beamTokens, batch, b);
    std::printf("%-44s -> %s", ("\"" + sentences[b] + "\"").c_str(), g.c_str());
    if (beam != g)
      std::printf("  (beam search: %s)", beam.c_str());
    std::printf("\n");
  }
  std::printf("%ld sentences: greedy %ld steps, %.1f us per sentence; beam "
              "search (k=%ld) %ld steps, %.1f us per sentence\n",
              (long)batch, (long)greedySteps, greedyUs / batch, (long)kBeams,
              (long)beamSteps, beamUs / batch);
  return 0;
}

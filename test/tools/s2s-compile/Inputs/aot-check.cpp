//===- aot-check.cpp - call an AOT-compiled entry point on .npy files -----===//
//
// A test driver for the code that s2s-compile writes: linked with an object
// file of s2s-compile (for the host, or cross-compiled for another CPU and
// run under an emulator), it reads the inputs from .npy files, calls the
// entry point named by the macro S2S_ENTRY through the C interface of
// docs/Tools/s2s-compile.md (one memref descriptor per input, then one per
// output), and compares the results with expected .npy files:
//
//   aot-check IN.npy... -- EXPECTED.npy... [--rtol=R] [--atol=A]
//             [--scale-tol=S]
//
// prints `result #i: matches` or the first mismatch of each result, and
// exits 0 when every result matches, 1 on a mismatch, 2 on bad input. The
// outputs are allocated with the expected arrays' shapes. It needs nothing
// from s2s or LLVM, only the object file (and examples/aot/npy.h).
//
//===----------------------------------------------------------------------===//

#include "npy.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#ifndef S2S_ENTRY
#error "compile with -DS2S_ENTRY=<the entry point's C symbol>"
#endif

// Declared without its parameters: the call below casts it to a function of
// as many pointers as the command line gives descriptors.
extern "C" int32_t S2S_ENTRY();

namespace {

using npy::Array;
using npy::readNpy;

/// A memref descriptor of the array's rank: allocated and aligned pointers,
/// offset, sizes and C-order strides, all 8 bytes wide on a 64-bit target.
std::vector<int64_t> describe(Array &array) {
  size_t rank = array.shape.size();
  std::vector<int64_t> desc(3 + 2 * rank);
  desc[0] = desc[1] = reinterpret_cast<intptr_t>(array.data<char>());
  desc[2] = 0;
  int64_t stride = 1;
  for (size_t i = rank; i-- > 0;) {
    desc[3 + i] = array.shape[i];
    desc[3 + rank + i] = stride;
    stride *= array.shape[i];
  }
  return desc;
}

template <size_t> using Pointer = void *;

template <size_t... I> int32_t callWith(void **args) {
  using Fn = int32_t (*)(Pointer<I>...);
  return reinterpret_cast<Fn>(&S2S_ENTRY)(args[I]...);
}

// callers[n] calls the entry with n descriptors.
template <size_t N> struct Caller {
  template <size_t... I>
  static int32_t call(void **args, std::index_sequence<I...>) {
    return callWith<I...>(args);
  }
  static int32_t call(void **args) {
    return call(args, std::make_index_sequence<N>());
  }
};

template <size_t... N>
constexpr std::array<int32_t (*)(void **), sizeof...(N)>
callerTable(std::index_sequence<N...>) {
  return {&Caller<N>::call...};
}

constexpr size_t kMaxDescriptors = 64;

/// Compares `actual` with `expected`; prints the first mismatch. An f32
/// element may differ by atol + rtol * |e| + scaleTol * max |expected|.
bool compare(size_t index, Array &actual, Array &expected, double rtol,
             double atol, double scaleTol) {
  int64_t n = expected.count();
  if (expected.descr == "<f4" && scaleTol > 0) {
    double largest = 0;
    for (int64_t i = 0; i < n; ++i)
      if (std::isfinite(expected.data<float>()[i]))
        largest = std::max(largest,
                           double(std::fabs(expected.data<float>()[i])));
    atol += scaleTol * largest;
  }
  for (int64_t i = 0; i < n; ++i) {
    double a, e;
    if (expected.descr == "<f4") {
      a = actual.data<float>()[i];
      e = expected.data<float>()[i];
      if (std::isnan(a) && std::isnan(e))
        continue;
      if (std::fabs(a - e) <= atol + rtol * std::fabs(e))
        continue;
    } else {
      int64_t ai = 0, ei = 0;
      std::memcpy(&ai, actual.data<char>() + i * expected.elementBytes(),
                  expected.elementBytes());
      std::memcpy(&ei, expected.data<char>() + i * expected.elementBytes(),
                  expected.elementBytes());
      if (ai == ei)
        continue;
      a = static_cast<double>(ai);
      e = static_cast<double>(ei);
    }
    std::printf("result #%zu: differs at element %lld: %.9g, expected %.9g\n",
                index, static_cast<long long>(i), a, e);
    return false;
  }
  std::printf("result #%zu: matches\n", index);
  return true;
}

} // namespace

int main(int argc, char **argv) {
  std::vector<std::string> inputFiles, expectFiles;
  double rtol = 1e-4, atol = 1e-5, scaleTol = 0;
  bool afterSeparator = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--") {
      afterSeparator = true;
    } else if (arg.rfind("--rtol=", 0) == 0) {
      rtol = std::atof(arg.c_str() + 7);
    } else if (arg.rfind("--atol=", 0) == 0) {
      atol = std::atof(arg.c_str() + 7);
    } else if (arg.rfind("--scale-tol=", 0) == 0) {
      scaleTol = std::atof(arg.c_str() + 12);
    } else {
      (afterSeparator ? expectFiles : inputFiles).push_back(arg);
    }
  }
  if (!afterSeparator || expectFiles.empty()) {
    std::fprintf(stderr,
                 "usage: %s IN.npy... -- EXPECTED.npy... "
                 "[--rtol=R] [--atol=A] [--scale-tol=S]\n",
                 argv[0]);
    return 2;
  }
  size_t count = inputFiles.size() + expectFiles.size();
  if (count >= kMaxDescriptors) {
    std::fprintf(stderr, "error: at most %zu descriptors\n",
                 kMaxDescriptors - 1);
    return 2;
  }
  std::vector<Array> inputs(inputFiles.size()), expected(expectFiles.size()),
      outputs(expectFiles.size());
  for (size_t i = 0; i < inputFiles.size(); ++i)
    if (!readNpy(inputFiles[i], inputs[i]))
      return 2;
  for (size_t i = 0; i < expectFiles.size(); ++i) {
    if (!readNpy(expectFiles[i], expected[i]))
      return 2;
    outputs[i].descr = expected[i].descr;
    outputs[i].shape = expected[i].shape;
    // NaN bytes: a result the entry point does not write shows. One word
    // more, so that a zero-size array has an address.
    outputs[i].storage.assign(expected[i].storage.size() + 1, ~uint64_t(0));
  }
  std::vector<std::vector<int64_t>> descriptors;
  for (Array &array : inputs)
    descriptors.push_back(describe(array));
  for (Array &array : outputs)
    descriptors.push_back(describe(array));
  std::vector<void *> args;
  for (std::vector<int64_t> &desc : descriptors)
    args.push_back(desc.data());

  static constexpr auto callers =
      callerTable(std::make_index_sequence<kMaxDescriptors>());
  int32_t status = callers[count](args.data());
  if (status != 0) {
    std::printf("the entry point refused its arguments: check %d\n", status);
    return 1;
  }
  bool ok = true;
  for (size_t i = 0; i < outputs.size(); ++i)
    ok &= compare(i, outputs[i], expected[i], rtol, atol, scaleTol);
  return ok ? 0 : 1;
}

//===- npy.h - .npy arrays and memref descriptors for the AOT examples ----===//
//
// What a program that calls a compiled s2s model needs around it: C-order
// arrays read from .npy files (format 1.0, little endian) and the memref
// descriptors that point at them. Header-only, no dependency.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_EXAMPLES_AOT_NPY_H
#define S2S_EXAMPLES_AOT_NPY_H

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace npy {

/// A C-order array read from a .npy file (format 1.0, little endian).
struct Array {
  std::string descr;
  std::vector<int64_t> shape;
  std::vector<uint64_t> storage; // 8-byte aligned data

  template <typename T> T *data() {
    return reinterpret_cast<T *>(storage.data());
  }
  /// Bytes per element: the digit of the descriptor ('<f4' -> 4).
  size_t elementBytes() const { return descr.empty() ? 0 : descr[2] - '0'; }
  int64_t count() const {
    int64_t n = 1;
    for (int64_t size : shape)
      n *= size;
    return n;
  }
};

/// Reads a .npy file of float32, int64, int32 or bool data ('<f4', '<i8',
/// '<i4', '|b1') of any shape.
inline bool readNpy(const std::string &path, Array &array) {
  auto fail = [&](const char *what) {
    std::fprintf(stderr, "error: %s %s\n", path.c_str(), what);
    return false;
  };
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "error: cannot open %s\n", path.c_str());
    return false;
  }
  std::string all((std::istreambuf_iterator<char>(in)),
                  std::istreambuf_iterator<char>());
  if (all.size() < 10 || all.compare(0, 6, "\x93NUMPY") != 0 || all[6] != 1)
    return fail("is not a .npy file of format 1.0");
  size_t headerLen = static_cast<unsigned char>(all[8]) |
                     (static_cast<unsigned char>(all[9]) << 8);
  if (all.size() < 10 + headerLen)
    return fail("is truncated");
  std::string header = all.substr(10, headerLen);
  array.descr.clear();
  for (const char *descr : {"<f4", "<i8", "<i4", "|b1"})
    if (header.find(std::string("'descr': '") + descr + "'") !=
        std::string::npos)
      array.descr = descr;
  if (array.descr.empty())
    return fail("holds neither float32, int64, int32 nor bool data");
  if (header.find("'fortran_order': False") == std::string::npos)
    return fail("is not in C order");
  size_t key = header.find("'shape'");
  size_t open = key == std::string::npos ? key : header.find('(', key);
  size_t close = open == std::string::npos ? open : header.find(')', open);
  if (close == std::string::npos)
    return fail("has no shape");
  // The sizes: decimal numbers separated by commas.
  array.shape.clear();
  int64_t count = 1;
  std::stringstream dims(header.substr(open + 1, close - open - 1));
  std::string dim;
  while (std::getline(dims, dim, ',')) {
    size_t first = dim.find_first_not_of(' ');
    if (first == std::string::npos)
      continue;
    size_t last = dim.find_last_not_of(' ');
    std::string digits = dim.substr(first, last - first + 1);
    if (digits.empty() || digits.size() > 12 ||
        digits.find_first_not_of("0123456789") != std::string::npos)
      return fail("has a bad shape");
    array.shape.push_back(std::stoll(digits));
    count *= array.shape.back();
    if (count > (int64_t(1) << 40))
      return fail("is too large");
  }
  size_t bytes = count * array.elementBytes();
  if (all.size() != 10 + headerLen + bytes)
    return fail("has the wrong size");
  array.storage.assign((bytes + 7) / 8, 0);
  std::memcpy(array.storage.data(), all.data() + 10 + headerLen, bytes);
  return true;
}

/// Reads a .npy file that must hold `descr` data of rank `rank`.
inline bool readNpy(const std::string &path, const char *descr, size_t rank,
                    Array &array) {
  if (!readNpy(path, array))
    return false;
  if (array.descr != descr) {
    std::fprintf(stderr, "error: %s does not hold %s data\n", path.c_str(),
                 descr);
    return false;
  }
  if (array.shape.size() != rank) {
    std::fprintf(stderr, "error: %s has rank %zu, but %zu is expected\n",
                 path.c_str(), array.shape.size(), rank);
    return false;
  }
  return true;
}

/// A memref descriptor of rank R over `data` with C-order strides (`shape`
/// must have R sizes: readNpy checks the rank).
template <typename Desc, typename T>
Desc describe(T *data, const std::vector<int64_t> &shape) {
  Desc desc;
  desc.allocated = data;
  desc.aligned = data;
  desc.offset = 0;
  int64_t stride = 1;
  for (int64_t i = static_cast<int64_t>(shape.size()) - 1; i >= 0; --i) {
    desc.sizes[i] = shape[i];
    desc.strides[i] = stride;
    stride *= shape[i];
  }
  return desc;
}

} // namespace npy

#endif // S2S_EXAMPLES_AOT_NPY_H

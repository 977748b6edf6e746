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
};

inline bool readNpy(const std::string &path, const char *descr, size_t rank,
                    Array &array) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "error: cannot open %s\n", path.c_str());
    return false;
  }
  std::string all((std::istreambuf_iterator<char>(in)),
                  std::istreambuf_iterator<char>());
  if (all.size() < 10 || all.compare(0, 6, "\x93NUMPY") != 0 || all[6] != 1) {
    std::fprintf(stderr, "error: %s is not a .npy file of format 1.0\n",
                 path.c_str());
    return false;
  }
  size_t headerLen = static_cast<unsigned char>(all[8]) |
                     (static_cast<unsigned char>(all[9]) << 8);
  if (all.size() < 10 + headerLen) {
    std::fprintf(stderr, "error: %s is truncated\n", path.c_str());
    return false;
  }
  std::string header = all.substr(10, headerLen);
  if (header.find(std::string("'descr': '") + descr + "'") ==
      std::string::npos) {
    std::fprintf(stderr, "error: %s does not hold %s data\n", path.c_str(),
                 descr);
    return false;
  }
  if (header.find("'fortran_order': False") == std::string::npos) {
    std::fprintf(stderr, "error: %s is not in C order\n", path.c_str());
    return false;
  }
  size_t key = header.find("'shape'");
  size_t open = key == std::string::npos ? key : header.find('(', key);
  size_t close = open == std::string::npos ? open : header.find(')', open);
  if (close == std::string::npos) {
    std::fprintf(stderr, "error: %s has no shape\n", path.c_str());
    return false;
  }
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
        digits.find_first_not_of("0123456789") != std::string::npos) {
      std::fprintf(stderr, "error: %s has a bad shape\n", path.c_str());
      return false;
    }
    array.shape.push_back(std::stoll(digits));
    count *= array.shape.back();
    if (count > (int64_t(1) << 40)) {
      std::fprintf(stderr, "error: %s is too large\n", path.c_str());
      return false;
    }
  }
  if (array.shape.size() != rank) {
    std::fprintf(stderr, "error: %s has rank %zu, but %zu is expected\n",
                 path.c_str(), array.shape.size(), rank);
    return false;
  }
  size_t bytes = count * (descr[2] - '0');
  if (all.size() != 10 + headerLen + bytes) {
    std::fprintf(stderr, "error: %s has the wrong size\n", path.c_str());
    return false;
  }
  array.descr = descr;
  array.storage.resize((bytes + 7) / 8);
  std::memcpy(array.storage.data(), all.data() + 10 + headerLen, bytes);
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

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

inline bool readNpy(const std::string &path, const char *descr, Array &array) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "error: cannot open %s\n", path.c_str());
    return false;
  }
  std::string all((std::istreambuf_iterator<char>(in)),
                  std::istreambuf_iterator<char>());
  if (all.size() < 10 || all.compare(0, 6, "\x93NUMPY") != 0) {
    std::fprintf(stderr, "error: %s is not a .npy file\n", path.c_str());
    return false;
  }
  size_t headerLen = static_cast<unsigned char>(all[8]) |
                     (static_cast<unsigned char>(all[9]) << 8);
  std::string header = all.substr(10, headerLen);
  if (header.find(std::string("'descr': '") + descr + "'") ==
      std::string::npos) {
    std::fprintf(stderr, "error: %s does not hold %s data\n", path.c_str(),
                 descr);
    return false;
  }
  size_t open = header.find('(', header.find("'shape'"));
  size_t close = header.find(')', open);
  std::stringstream dims(header.substr(open + 1, close - open - 1));
  std::string dim;
  int64_t count = 1;
  while (std::getline(dims, dim, ','))
    if (dim.find_first_not_of(' ') != std::string::npos) {
      array.shape.push_back(std::stoll(dim));
      count *= array.shape.back();
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

/// A memref descriptor of rank R over `data` with C-order strides.
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

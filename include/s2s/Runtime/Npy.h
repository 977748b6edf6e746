//===- Npy.h - reading and writing NumPy .npy files -------------*- C++ -*-===//
//
// A self-contained reader and writer of the NumPy .npy format (versions 1.0,
// 2.0 and 3.0, C order, little endian) for the element types s2s passes to
// and from compiled functions: float32, float64, int32, int64 and bool.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_RUNTIME_NPY_H
#define S2S_RUNTIME_NPY_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mlir {
namespace s2s {

/// Element types of .npy arrays that s2s reads and writes.
enum class DType { Float32, Float64, Int32, Int64, Bool };

/// Size of one element in bytes.
size_t getDTypeSize(DType dtype);
/// NumPy's name of the type ("float32", "bool", ...).
llvm::StringRef getDTypeName(DType dtype);
/// The dtype of a NumPy descr string such as "<f4" or "|b1".
std::optional<DType> parseDTypeDescr(llvm::StringRef descr);

/// The size in bytes of an array of `shape` (dimensions >= 0), or none if
/// it overflows 64 bits: what readers check before they trust or allocate a
/// size read from a file.
std::optional<int64_t> getCheckedByteSize(DType dtype,
                                          llvm::ArrayRef<int64_t> shape);

/// A dense array in C order.
struct NpyArray {
  DType dtype = DType::Float32;
  std::vector<int64_t> shape;
  /// Element data, 16-byte aligned (memref descriptors point into it).
  std::vector<uint64_t> storage;

  int64_t getNumElements() const;
  size_t getByteSize() const { return getNumElements() * getDTypeSize(dtype); }
  void *data() { return storage.data(); }
  const void *data() const { return storage.data(); }

  /// Creates a zero-filled array.
  static NpyArray zeros(DType dtype, llvm::ArrayRef<int64_t> shape);
  /// Element `index` (in C order) converted to double.
  double getAsDouble(int64_t index) const;
  /// Element `index` of an integer or bool array, exactly.
  int64_t getAsInt64(int64_t index) const;
};

/// Reads `path`; the error names the file and what is wrong with it.
llvm::Expected<NpyArray> readNpy(llvm::StringRef path);

/// Parses a whole .npy file held in memory; `name` is used in errors.
llvm::Expected<NpyArray> parseNpy(llvm::StringRef contents,
                                  llvm::StringRef name);

/// An array of an .npz bundle and its name (the member's name without
/// ".npy").
struct NpzMember {
  std::string name;
  NpyArray array;
};

/// Reads the arrays of the .npz file `path` (as numpy.savez and
/// numpy.savez_compressed write it), in the archive's order; the error
/// names the file, the member and what is wrong with it.
llvm::Expected<std::vector<NpzMember>> readNpz(llvm::StringRef path);

/// Parses a whole .npz file held in memory; `name` is used in errors.
llvm::Expected<std::vector<NpzMember>> parseNpz(llvm::StringRef contents,
                                                llvm::StringRef name);

/// Writes `array` to `path` in format version 1.0.
llvm::Error writeNpy(llvm::StringRef path, const NpyArray &array);

/// Formats a shape as "[2, 3, 4]".
std::string formatShape(llvm::ArrayRef<int64_t> shape);

} // namespace s2s
} // namespace mlir

#endif // S2S_RUNTIME_NPY_H

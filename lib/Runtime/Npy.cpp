//===- Npy.cpp - reading and writing NumPy .npy files ---------------------===//
//
// The .npy format: the magic string "\x93NUMPY", a version (major, minor),
// the header length (2 bytes in version 1, 4 bytes in versions 2 and 3), a
// Python dict literal {'descr': ..., 'fortran_order': ..., 'shape': (...)}
// padded with spaces and a newline, then the raw data.
//
//===----------------------------------------------------------------------===//

#include "s2s/Runtime/Npy.h"

#include <limits>

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace mlir;
using namespace mlir::s2s;
using llvm::StringRef;

size_t mlir::s2s::getDTypeSize(DType dtype) {
  switch (dtype) {
  case DType::Float32:
  case DType::Int32:
    return 4;
  case DType::Float64:
  case DType::Int64:
    return 8;
  case DType::Bool:
    return 1;
  }
  llvm_unreachable("unknown dtype");
}

StringRef mlir::s2s::getDTypeName(DType dtype) {
  switch (dtype) {
  case DType::Float32:
    return "float32";
  case DType::Float64:
    return "float64";
  case DType::Int32:
    return "int32";
  case DType::Int64:
    return "int64";
  case DType::Bool:
    return "bool";
  }
  llvm_unreachable("unknown dtype");
}

std::optional<DType> mlir::s2s::parseDTypeDescr(StringRef descr) {
  // Single-byte types may use '|' or '<' or '=' as byte order.
  if (descr == "|b1" || descr == "<b1" || descr == "=b1" || descr == "|?" ||
      descr == "?")
    return DType::Bool;
  if (descr.size() < 2 || (descr[0] != '<' && descr[0] != '='))
    return std::nullopt;
  StringRef kind = descr.drop_front();
  if (kind == "f4")
    return DType::Float32;
  if (kind == "f8")
    return DType::Float64;
  if (kind == "i4")
    return DType::Int32;
  if (kind == "i8")
    return DType::Int64;
  return std::nullopt;
}

std::optional<int64_t>
mlir::s2s::getCheckedByteSize(DType dtype, llvm::ArrayRef<int64_t> shape) {
  int64_t bytes = static_cast<int64_t>(getDTypeSize(dtype));
  for (int64_t dim : shape)
    if (llvm::MulOverflow(bytes, dim, bytes))
      return std::nullopt;
  return bytes;
}

int64_t NpyArray::getNumElements() const {
  int64_t n = 1;
  for (int64_t dim : shape)
    n *= dim;
  return n;
}

NpyArray NpyArray::zeros(DType dtype, llvm::ArrayRef<int64_t> shape) {
  NpyArray array;
  array.dtype = dtype;
  array.shape.assign(shape.begin(), shape.end());
  array.storage.assign((array.getByteSize() + 7) / 8, 0);
  return array;
}

/// Element `index` of `array` read as a `T`.
template <typename T> static T load(const NpyArray &array, int64_t index) {
  T value;
  std::memcpy(&value,
              static_cast<const char *>(array.data()) + sizeof(T) * index,
              sizeof(T));
  return value;
}

double NpyArray::getAsDouble(int64_t index) const {
  switch (dtype) {
  case DType::Float32:
    return load<float>(*this, index);
  case DType::Float64:
    return load<double>(*this, index);
  case DType::Int32:
    return load<int32_t>(*this, index);
  case DType::Int64:
    return static_cast<double>(load<int64_t>(*this, index));
  case DType::Bool:
    return load<uint8_t>(*this, index) ? 1.0 : 0.0;
  }
  llvm_unreachable("unknown dtype");
}

int64_t NpyArray::getAsInt64(int64_t index) const {
  switch (dtype) {
  case DType::Int32:
    return load<int32_t>(*this, index);
  case DType::Int64:
    return load<int64_t>(*this, index);
  default:
    return static_cast<int64_t>(getAsDouble(index));
  }
}

std::string mlir::s2s::formatShape(llvm::ArrayRef<int64_t> shape) {
  std::string result;
  llvm::raw_string_ostream os(result);
  os << '[';
  // A dynamic dimension of an MLIR type (INT64_MIN) prints as '?'.
  llvm::interleaveComma(shape, os, [&](int64_t dim) {
    if (dim == std::numeric_limits<int64_t>::min())
      os << '?';
    else
      os << dim;
  });
  os << ']';
  return result;
}

//===----------------------------------------------------------------------===//
// Reading
//===----------------------------------------------------------------------===//

static llvm::Error npyError(StringRef name, const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 name + ": " + message);
}

/// The value of `key` in the header dict, up to the next top-level comma
/// or the closing brace.
static std::optional<StringRef> headerValue(StringRef header, StringRef key) {
  for (StringRef quote : {"'", "\""}) {
    std::string pattern = (quote + key + quote).str();
    size_t pos = header.find(pattern);
    if (pos == StringRef::npos)
      continue;
    StringRef rest = header.drop_front(pos + pattern.size()).ltrim();
    if (!rest.consume_front(":"))
      return std::nullopt;
    rest = rest.ltrim();
    if (rest.starts_with("(")) {
      size_t close = rest.find(')');
      if (close == StringRef::npos)
        return std::nullopt;
      return rest.take_front(close + 1);
    }
    size_t end = rest.find_first_of(",}");
    return rest.take_front(end).trim();
  }
  return std::nullopt;
}

llvm::Expected<NpyArray> mlir::s2s::parseNpy(StringRef contents,
                                             StringRef name) {
  static constexpr StringRef kMagic("\x93NUMPY", 6);
  if (!contents.starts_with(kMagic))
    return npyError(name, "not a .npy file (the magic string \\x93NUMPY is "
                          "missing)");
  if (contents.size() < 10)
    return npyError(name, "truncated .npy header");
  unsigned major = static_cast<unsigned char>(contents[6]);
  size_t headerLen, headerStart;
  if (major == 1) {
    headerLen = static_cast<unsigned char>(contents[8]) |
                (static_cast<unsigned char>(contents[9]) << 8);
    headerStart = 10;
  } else if (major == 2 || major == 3) {
    if (contents.size() < 12)
      return npyError(name, "truncated .npy header");
    headerLen = 0;
    for (int i = 3; i >= 0; --i)
      headerLen =
          (headerLen << 8) | static_cast<unsigned char>(contents[8 + i]);
    headerStart = 12;
  } else {
    return npyError(name,
                    "unsupported .npy format version " + llvm::Twine(major));
  }
  if (contents.size() < headerStart + headerLen)
    return npyError(name, "truncated .npy header");
  StringRef header = contents.substr(headerStart, headerLen);

  std::optional<StringRef> descr = headerValue(header, "descr");
  std::optional<StringRef> fortran = headerValue(header, "fortran_order");
  std::optional<StringRef> shapeText = headerValue(header, "shape");
  if (!descr || !fortran || !shapeText)
    return npyError(name, "malformed .npy header '" + header.trim() + "'");
  StringRef descrText = descr->trim("'\"");
  std::optional<DType> dtype = parseDTypeDescr(descrText);
  if (!dtype)
    return npyError(name, "unsupported dtype '" + descrText +
                              "' (supported: float32, float64, int32, int64, "
                              "bool, little endian)");
  if (*fortran != "False")
    return npyError(name, "Fortran-ordered arrays are not supported; save "
                          "the array in C order");

  NpyArray array;
  array.dtype = *dtype;
  StringRef dims = shapeText->trim("()");
  llvm::SmallVector<StringRef> parts;
  dims.split(parts, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (StringRef part : parts) {
    part = part.trim();
    if (part.empty())
      continue;
    int64_t dim;
    if (part.getAsInteger(10, dim) || dim < 0)
      return npyError(name, "malformed shape '" + *shapeText + "'");
    array.shape.push_back(dim);
  }
  // The byte size must be representable: a shape whose size overflows
  // would otherwise pass the data size check with a wrapped-around count.
  if (!getCheckedByteSize(array.dtype, array.shape))
    return npyError(name, "shape " + formatShape(array.shape) +
                              " is too large: its size in bytes overflows");

  StringRef data = contents.drop_front(headerStart + headerLen);
  size_t bytes = array.getByteSize();
  if (data.size() < bytes)
    return npyError(name, "truncated data: shape " + formatShape(array.shape) +
                              " of " + getDTypeName(array.dtype) + " needs " +
                              llvm::Twine(bytes) + " bytes, the file has " +
                              llvm::Twine(data.size()));
  if (data.size() > bytes)
    return npyError(name, "trailing data: shape " + formatShape(array.shape) +
                              " needs " + llvm::Twine(bytes) +
                              " bytes, the file has " +
                              llvm::Twine(data.size()));
  array.storage.assign((bytes + 7) / 8, 0);
  if (bytes > 0)
    std::memcpy(array.data(), data.data(), bytes);
  return array;
}

llvm::Expected<NpyArray> mlir::s2s::readNpy(StringRef path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!buffer)
    return npyError(path, "cannot read file: " + buffer.getError().message());
  return parseNpy((*buffer)->getBuffer(), path);
}

//===----------------------------------------------------------------------===//
// Writing
//===----------------------------------------------------------------------===//

static StringRef descrOf(DType dtype) {
  switch (dtype) {
  case DType::Float32:
    return "<f4";
  case DType::Float64:
    return "<f8";
  case DType::Int32:
    return "<i4";
  case DType::Int64:
    return "<i8";
  case DType::Bool:
    return "|b1";
  }
  llvm_unreachable("unknown dtype");
}

llvm::Error mlir::s2s::writeNpy(StringRef path, const NpyArray &array) {
  std::string header;
  llvm::raw_string_ostream os(header);
  os << "{'descr': '" << descrOf(array.dtype)
     << "', 'fortran_order': False, 'shape': (";
  for (int64_t dim : array.shape)
    os << dim << (array.shape.size() == 1 ? "," : ", ");
  if (array.shape.size() > 1)
    header.resize(header.size() - 2);
  os << "), }";
  // Pad so that magic + version + length + header is a multiple of 64.
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header.push_back('\n');

  std::error_code ec;
  llvm::raw_fd_ostream out(path, ec, llvm::sys::fs::OF_None);
  if (ec)
    return npyError(path, "cannot write file: " + ec.message());
  out << StringRef("\x93NUMPY\x01\x00", 8);
  out << static_cast<char>(header.size() & 0xff)
      << static_cast<char>((header.size() >> 8) & 0xff);
  out << header;
  out.write(static_cast<const char *>(array.data()), array.getByteSize());
  out.close();
  if (out.has_error())
    return npyError(path, "cannot write file: " + out.error().message());
  return llvm::Error::success();
}

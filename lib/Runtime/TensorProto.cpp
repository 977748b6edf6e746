//===- TensorProto.cpp - reading ONNX TensorProto files -------------------===//
//
// An ONNX TensorProto holds dims, a data_type and the elements either as
// little-endian bytes in raw_data or in a typed repeated field (float_data,
// double_data, int32_data for int32 and bool, int64_data). The message is
// parsed with the protobuf classes generated from ONNX's schema.
//
//===----------------------------------------------------------------------===//

#include "s2s/Runtime/TensorProto.h"

#include "onnx/onnx_pb.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace mlir;
using namespace mlir::s2s;
using llvm::StringRef;

static llvm::Error tensorError(StringRef name, const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 name + ": " + message);
}

static StringRef onnxTypeName(int type) {
  if (onnx::TensorProto_DataType_IsValid(type))
    return onnx::TensorProto_DataType_Name(
        static_cast<onnx::TensorProto_DataType>(type));
  return "invalid";
}

llvm::Expected<NpyArray>
mlir::s2s::convertTensorProto(const onnx::TensorProto &tensor, StringRef name) {
  DType dtype;
  switch (tensor.data_type()) {
  case onnx::TensorProto::FLOAT:
    dtype = DType::Float32;
    break;
  case onnx::TensorProto::DOUBLE:
    dtype = DType::Float64;
    break;
  case onnx::TensorProto::INT32:
    dtype = DType::Int32;
    break;
  case onnx::TensorProto::INT64:
    dtype = DType::Int64;
    break;
  case onnx::TensorProto::BOOL:
    dtype = DType::Bool;
    break;
  default:
    return tensorError(name, "unsupported element type " +
                                 onnxTypeName(tensor.data_type()) +
                                 " (supported: FLOAT, DOUBLE, INT32, INT64, "
                                 "BOOL)");
  }
  if (tensor.data_location() == onnx::TensorProto::EXTERNAL)
    return tensorError(name, "unsupported: data stored in an external file");
  std::vector<int64_t> shape;
  for (int64_t dim : tensor.dims()) {
    if (dim < 0)
      return tensorError(name, "negative dimension " + llvm::Twine(dim));
    shape.push_back(dim);
  }
  // Sizes come from the file: check them before allocating.
  if (!getCheckedByteSize(dtype, shape))
    return tensorError(name, "shape " + formatShape(shape) +
                                 " is too large: its size in bytes overflows");
  int64_t n = 1;
  for (int64_t dim : shape)
    n *= dim;
  size_t bytes = n * getDTypeSize(dtype);
  auto sizeError = [&](int64_t found) {
    return tensorError(name, "shape " + formatShape(shape) + " needs " +
                                 llvm::Twine(n) +
                                 " elements, but the tensor "
                                 "holds " +
                                 llvm::Twine(found));
  };
  if (tensor.has_raw_data()) {
    const std::string &raw = tensor.raw_data();
    if (raw.size() != bytes)
      return sizeError(raw.size() / getDTypeSize(dtype));
    NpyArray array = NpyArray::zeros(dtype, shape);
    if (bytes > 0)
      std::memcpy(array.data(), raw.data(), bytes);
    return array;
  }
  NpyArray array;
  auto copy = [&](const auto &field, auto tag) -> llvm::Error {
    using T = decltype(tag);
    if (static_cast<int64_t>(field.size()) != n)
      return sizeError(field.size());
    array = NpyArray::zeros(dtype, shape);
    T *out = static_cast<T *>(array.data());
    for (int64_t i = 0; i < n; ++i)
      out[i] = static_cast<T>(field.Get(i));
    return llvm::Error::success();
  };
  llvm::Error err = llvm::Error::success();
  switch (dtype) {
  case DType::Float32:
    err = copy(tensor.float_data(), float());
    break;
  case DType::Float64:
    err = copy(tensor.double_data(), double());
    break;
  case DType::Int32:
    err = copy(tensor.int32_data(), int32_t());
    break;
  case DType::Int64:
    err = copy(tensor.int64_data(), int64_t());
    break;
  case DType::Bool:
    err = copy(tensor.int32_data(), bool());
    break;
  }
  if (err)
    return std::move(err);
  return array;
}

llvm::Expected<NpyArray> mlir::s2s::readTensorProto(StringRef path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> file =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/false);
  if (!file)
    return tensorError(path, "cannot open: " + file.getError().message());
  onnx::TensorProto tensor;
  StringRef contents = (*file)->getBuffer();
  if (!tensor.ParseFromArray(contents.data(), contents.size()))
    return tensorError(path, "not a serialized ONNX TensorProto (truncated "
                             "or corrupt)");
  return convertTensorProto(tensor, path);
}

llvm::Expected<NpyArray> mlir::s2s::readArrayFile(StringRef path) {
  if (path.ends_with(".pb"))
    return readTensorProto(path);
  return readNpy(path);
}

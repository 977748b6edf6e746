//===- TensorProto.h - reading ONNX TensorProto files -----------*- C++ -*-===//
//
// Reads tensors serialized as ONNX TensorProto messages (the input_*.pb and
// output_*.pb files of ONNX test data sets) into the arrays s2s passes to
// and from compiled functions, and picks the reader of an array file by its
// extension.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_RUNTIME_TENSORPROTO_H
#define S2S_RUNTIME_TENSORPROTO_H

#include "s2s/Runtime/Npy.h"

namespace onnx {
class TensorProto;
} // namespace onnx

namespace mlir {
namespace s2s {

/// Converts a TensorProto of float, double, int32, int64 or bool (held in
/// raw_data or in the typed repeated fields) into an array; `name` is used in
/// errors. Other element types and external data are reported as errors.
llvm::Expected<NpyArray> convertTensorProto(const onnx::TensorProto &tensor,
                                            llvm::StringRef name);

/// Reads a file holding one serialized TensorProto.
llvm::Expected<NpyArray> readTensorProto(llvm::StringRef path);

/// Reads an array file: a TensorProto when `path` ends in ".pb", else .npy.
llvm::Expected<NpyArray> readArrayFile(llvm::StringRef path);

} // namespace s2s
} // namespace mlir

#endif // S2S_RUNTIME_TENSORPROTO_H

//===- ONNXImporter.h - importing ONNX models into s2s ----------*- C++ -*-===//
//
// Turns an ONNX model (a serialized ModelProto) into an MLIR module with one
// public function: the graph inputs are its arguments, the initializers
// constants (or, with an option, further arguments), the graph outputs its
// results. Recurrent layers become s2s.lstm / s2s.gru / s2s.rnn, other ops
// s2s ops where one fits and upstream linalg / tensor / arith ops otherwise.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_IMPORT_ONNX_ONNXIMPORTER_H
#define S2S_IMPORT_ONNX_ONNXIMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace mlir {
class MLIRContext;

namespace s2s {

/// How an ONNX graph becomes a function.
struct ONNXImportOptions {
  /// Make each initializer an argument (after the graph inputs, in the order
  /// of the model) instead of a constant.
  bool initializersAsArguments = false;
  /// The name of the function.
  std::string functionName = "main";
};

/// Whether `path` names an ONNX model: its extension is ".onnx", or its
/// contents start as a serialized ModelProto does (field 1, ir_version).
bool isONNXModel(llvm::StringRef path, llvm::StringRef contents);

/// Imports the serialized ModelProto `contents`; `path` names the model in
/// errors and locations. Errors are reported through the context's
/// diagnostic engine, at the node's location: a NameLoc holding the node's
/// label (name, index and op type) around a FileLineColLoc of `path`; the
/// message says what was expected and found. The context must have the s2s,
/// func, arith, math, tensor and linalg dialects loaded.
FailureOr<OwningOpRef<ModuleOp>>
importONNXModel(MLIRContext *context, llvm::StringRef contents,
                llvm::StringRef path, const ONNXImportOptions &options = {});

/// While it lives, prints the context's diagnostics (those of
/// importONNXModel) to `os` as "error: <path>: <node>: <message>".
class ONNXDiagnosticPrinter : public ScopedDiagnosticHandler {
public:
  ONNXDiagnosticPrinter(MLIRContext *context, llvm::raw_ostream &os);
};

} // namespace s2s
} // namespace mlir

#endif // S2S_IMPORT_ONNX_ONNXIMPORTER_H

//===- onnx-import-fuzzer.cpp - libFuzzer harness for the ONNX importer ---===//
//
// Feeds arbitrary bytes to importONNXModel, as s2s-import-onnx, s2s-run and
// s2s-compile do with a user's .onnx file. The import either fails with
// diagnostics or returns a module that verifies: a crash, a hang, a sanitizer
// report or an invalid module is a bug. Seeded with the committed models
// (tools/fuzzers/corpus/onnx); built and run by utils/fuzz.sh.
//
//===----------------------------------------------------------------------===//

#include "s2s/Import/ONNX/ONNXImporter.h"
#include "s2s/InitAllDialects.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <cstdlib>

using namespace mlir;

/// One context for the whole run: loading the dialects dominates otherwise.
static MLIRContext &getContext() {
  static MLIRContext *context = [] {
    DialectRegistry registry;
    registry.insert<arith::ArithDialect, cf::ControlFlowDialect,
                    func::FuncDialect, linalg::LinalgDialect, math::MathDialect,
                    scf::SCFDialect, tensor::TensorDialect>();
    s2s::registerAllDialects(registry);
    auto *ctx = new MLIRContext(registry, MLIRContext::Threading::DISABLED);
    ctx->loadAllAvailableDialects();
    return ctx;
  }();
  return *context;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  MLIRContext &context = getContext();
  llvm::StringRef contents(reinterpret_cast<const char *>(data), size);
  // Import errors are expected; only what comes out of a success is checked.
  bool verifying = false;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    if (verifying && diag.getSeverity() == DiagnosticSeverity::Error) {
      llvm::errs() << "the importer produced invalid IR: " << diag << "\n";
      abort();
    }
    return success();
  });
  FailureOr<OwningOpRef<ModuleOp>> module =
      s2s::importONNXModel(&context, contents, "fuzz.onnx");
  if (failed(module))
    return 0;
  verifying = true;
  if (failed(verify(**module)))
    abort();
  return 0;
}

//===- s2s-import-onnx.cpp - import an ONNX model as s2s MLIR -------------===//
//
// s2s-import-onnx model.onnx [-o model.mlir] [--initializers-as-arguments]
//                 [--function=NAME] [--mlir-elide-elementsattrs-if-larger=N]
//
// Reads an ONNX model and prints it as an MLIR module with one public
// function in the s2s, linalg, tensor, arith and math dialects, ready for
// s2s-opt, s2s-run and s2s-compile (which also read .onnx files directly).
// Errors name the file, the node and what was expected and found, and exit
// non-zero.
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
#include "mlir/IR/AsmState.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Support/FileUtilities.h"
#include "s2s/Support/ExitCodes.h"
#include "s2s/Support/ToolOptions.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::s2s;
namespace cl = llvm::cl;

namespace {

cl::OptionCategory importCategory("s2s-import-onnx options");

cl::opt<std::string> inputFilename(cl::Positional, cl::desc("<model.onnx>"),
                                   cl::Required, cl::cat(importCategory));
cl::opt<std::string> outputFilename("o", cl::desc("Output file (default: -)"),
                                    cl::value_desc("file.mlir"), cl::init("-"),
                                    cl::cat(importCategory));
cl::opt<bool> initializersAsArguments(
    "initializers-as-arguments",
    cl::desc("Make the initializers (weights) arguments after the graph "
             "inputs instead of constants"),
    cl::init(false), cl::cat(importCategory));
cl::opt<std::string> functionName("function",
                                  cl::desc("Name of the imported function"),
                                  cl::init("main"), cl::cat(importCategory));

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  registerAsmPrinterCLOptions();
  registerMLIRContextCLOptions();
  if (!s2s::parseToolCommandLine(argc, argv,
                                 "s2s-import-onnx: import an ONNX model\n",
                                 importCategory))
    return kExitBadInput;

  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> file =
      openInputFile(inputFilename, &error);
  if (!file) {
    llvm::errs() << "error: " << error << "\n";
    return kExitBadInput;
  }

  DialectRegistry registry;
  registry.insert<arith::ArithDialect, cf::ControlFlowDialect,
                  func::FuncDialect, linalg::LinalgDialect, math::MathDialect,
                  scf::SCFDialect, tensor::TensorDialect>();
  s2s::registerAllDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();

  ONNXImportOptions options;
  options.initializersAsArguments = initializersAsArguments;
  options.functionName = functionName;
  ONNXDiagnosticPrinter diagnostics(&context, llvm::errs());
  FailureOr<OwningOpRef<ModuleOp>> module =
      importONNXModel(&context, file->getBuffer(), inputFilename, options);
  if (failed(module))
    return kExitCompileError;

  std::unique_ptr<llvm::ToolOutputFile> output =
      openOutputFile(outputFilename, &error);
  if (!output) {
    llvm::errs() << "error: " << error << "\n";
    return kExitBadInput;
  }
  (*module)->print(output->os(), OpPrintingFlags());
  output->os() << "\n";
  output->keep();
  return kExitSuccess;
}

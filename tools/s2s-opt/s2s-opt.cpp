//===- s2s-opt.cpp - the s2s optimizer driver -----------------------------===//
//
// mlir-opt with the s2s dialect and passes registered alongside every
// upstream dialect, extension and pass. Loads pass and dialect plugins with
// --load-pass-plugin and --load-dialect-plugin.
//
//===----------------------------------------------------------------------===//

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "s2s/InitAllDialects.h"
#include "s2s/InitAllPasses.h"
#include "s2s/Support/ToolOptions.h"

int main(int argc, char **argv) {
  mlir::registerAllPasses();
  mlir::s2s::registerAllPasses();

  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::s2s::registerAllDialects(registry);

  // --version names s2s after LLVM.
  llvm::cl::AddExtraVersionPrinter(mlir::s2s::printVersion);
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "s2s optimizer driver: s2s and upstream MLIR passes\n",
      registry));
}

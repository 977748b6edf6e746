//===- s2s-opt.cpp - the s2s optimizer driver -----------------------------===//
//
// mlir-opt with the s2s dialect and passes registered alongside every
// upstream dialect, extension and pass. Loads pass and dialect plugins with
// --load-pass-plugin and --load-dialect-plugin; a pass plugin's passes are
// flags as the built-in passes are.
//
//===----------------------------------------------------------------------===//

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/Plugins/PassPlugin.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "s2s/InitAllDialects.h"
#include "s2s/InitAllPasses.h"
#include "s2s/Support/ToolOptions.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

/// Registers the passes of every --load-pass-plugin of the command line
/// before MlirOptMain builds its options, so that a plugin's passes are
/// flags too (`--my-pass`), as the built-in ones are; MlirOptMain loads the
/// plugins again (the same library) and reports a plugin that does not
/// load.
static void preloadPassPlugins(int argc, char **argv) {
  for (int i = 1; i < argc; ++i) {
    llvm::StringRef arg = argv[i];
    if (arg == "--")
      break;
    arg.consume_front("-");
    arg.consume_front("-");
    llvm::StringRef path;
    if (arg == "load-pass-plugin" && i + 1 < argc)
      path = argv[++i];
    else if (!arg.consume_front("load-pass-plugin="))
      continue;
    else
      path = arg;
    llvm::Expected<mlir::PassPlugin> plugin =
        mlir::PassPlugin::load(path.str());
    if (!plugin) {
      llvm::consumeError(plugin.takeError());
      continue;
    }
    plugin->registerPassRegistryCallbacks();
  }
}

int main(int argc, char **argv) {
  mlir::registerAllPasses();
  mlir::s2s::registerAllPasses();
  preloadPassPlugins(argc, argv);

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

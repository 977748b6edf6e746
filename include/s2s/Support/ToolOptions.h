//===- ToolOptions.h - the command line of the s2s tools --------*- C++ -*-===//
//
// What every s2s tool does with its command line: --help lists its own
// options (not the hundreds LLVM registers), --version names s2s, its git
// revision and the LLVM it was built with, and a bad option is reported and returns to the
// tool, which exits with its own code for a bad command line (cl's default
// is exit(1), which some tools give another meaning).
//
//===----------------------------------------------------------------------===//

#ifndef S2S_SUPPORT_TOOLOPTIONS_H
#define S2S_SUPPORT_TOOLOPTIONS_H

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

#ifndef S2S_VERSION
#define S2S_VERSION "unknown"
#endif
// The git revision, generated in the build tree (absent from an install).
#if __has_include("s2s/Support/Revision.h")
#include "s2s/Support/Revision.h"
#endif
#ifndef S2S_REVISION
#define S2S_REVISION "unknown"
#endif

namespace mlir {
namespace s2s {

/// "s2s 0.1.0 (git 0123456789ab, LLVM/MLIR 22.1.8)", for --version.
inline void printVersion(llvm::raw_ostream &os) {
  os << "s2s " << S2S_VERSION << " (git " << S2S_REVISION << ", LLVM/MLIR "
     << LLVM_VERSION_STRING << ")\n";
}

/// Parses the command line of an s2s tool whose options are in `category`.
/// Returns false, the message printed, when an option is unknown or
/// malformed.
inline bool parseToolCommandLine(int argc, const char *const *argv,
                                 llvm::StringRef overview,
                                 llvm::cl::OptionCategory &category) {
  llvm::cl::HideUnrelatedOptions(category);
  llvm::cl::SetVersionPrinter(printVersion);
  return llvm::cl::ParseCommandLineOptions(argc, argv, overview, &llvm::errs());
}

} // namespace s2s
} // namespace mlir

#endif // S2S_SUPPORT_TOOLOPTIONS_H

//===- ExitCodes.h - the exit codes of the s2s tools ------------*- C++ -*-===//
//
// One meaning per exit code in every tool (s2s-run, s2s-compile,
// s2s-import-onnx), as docs/Tools/ExitCodes.md tabulates. s2s-opt exits as
// mlir-opt does (1 on any failure).
//
//===----------------------------------------------------------------------===//

#ifndef S2S_SUPPORT_EXITCODES_H
#define S2S_SUPPORT_EXITCODES_H

namespace mlir {
namespace s2s {

enum ExitCode : int {
  kExitSuccess = 0,
  /// s2s-run's --expect found a result outside the tolerance.
  kExitMismatch = 1,
  /// Bad input: the command line (an unknown or malformed option, a plugin
  /// that does not load, a --passes pipeline that does not parse), an input
  /// file (missing, unreadable, wrong dtype, shape or count), an unusable
  /// entry point, sizes that break a shape rule, a status other than 0 from
  /// the compiled entry point, an output file that cannot be written.
  kExitBadInput = 2,
  /// The model does not parse, verify, import, lower, compile or link.
  kExitCompileError = 3,
  /// The computation stopped with a message of its own (a check of values
  /// the model computes, or memory the machine cannot give).
  kExitStopped = 4,
};

} // namespace s2s
} // namespace mlir

#endif // S2S_SUPPORT_EXITCODES_H

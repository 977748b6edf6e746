//===- Passes.h - s2s CPU code generation passes ----------------*- C++ -*-===//
//
// The passes of the CPU code generation stage, on memrefs after
// bufferization: contraction kernels, the scratch arena, copies, parallel
// elementwise loops and the OpenMP clean-ups.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_CODEGEN_CPU_PASSES_H
#define S2S_CODEGEN_CPU_PASSES_H

#include "s2s/Support/OptionChecks.h"

#include "mlir/Pass/Pass.h"

namespace mlir {
namespace s2s {

#define GEN_PASS_DECL
#include "s2s/Codegen/CPU/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "s2s/Codegen/CPU/Passes.h.inc"

/// Checks the options of s2s-cpu-lower-contractions: a vector unit's
/// register width, tiles and blocks of at least 1, thresholds of at least 0.
LogicalResult verifyS2SCPULowerContractionsOptions(
    const S2SCPULowerContractionsPassOptions &options, OptionErrorFn emitError);

} // namespace s2s
} // namespace mlir

#endif // S2S_CODEGEN_CPU_PASSES_H

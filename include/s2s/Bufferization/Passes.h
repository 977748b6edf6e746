//===- Passes.h - s2s bufferization and entry-point passes ------*- C++ -*-===//
//
// The passes that give tensor functions the s2s calling convention around
// one-shot bufferization: read-only inputs, caller-allocated outputs.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_BUFFERIZATION_PASSES_H
#define S2S_BUFFERIZATION_PASSES_H

#include "mlir/Pass/Pass.h"

namespace mlir {
namespace s2s {

#define GEN_PASS_DECL
#include "s2s/Bufferization/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "s2s/Bufferization/Passes.h.inc"

} // namespace s2s
} // namespace mlir

#endif // S2S_BUFFERIZATION_PASSES_H

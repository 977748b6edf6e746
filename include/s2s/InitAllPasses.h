//===- InitAllPasses.h - register the s2s passes ----------------*- C++ -*-===//
//
// Registers every pass and pipeline of the s2s project with the global pass
// registry, for tools and for users who embed s2s.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_INITALLPASSES_H
#define S2S_INITALLPASSES_H

#include "s2s/Bufferization/Passes.h"
#include "s2s/Codegen/CPU/Passes.h"
#include "s2s/Conversion/Passes.h"
#include "s2s/Dialect/S2S/Transforms/Passes.h"
#include "s2s/Transforms/Passes.h"
#include "s2s/Transforms/Pipelines.h"

namespace mlir {
namespace s2s {

/// Registers the s2s passes and pipelines.
inline void registerAllPasses() {
  registerS2SPasses();
  registerS2SConversionPasses();
  registerS2STransformsPasses();
  registerS2SBufferizationPasses();
  registerS2SCPUPasses();
  registerS2SPipelines();
}

} // namespace s2s
} // namespace mlir

#endif // S2S_INITALLPASSES_H

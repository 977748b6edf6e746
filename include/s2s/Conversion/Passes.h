//===- Passes.h - s2s conversion passes -------------------------*- C++ -*-===//

#ifndef S2S_CONVERSION_PASSES_H
#define S2S_CONVERSION_PASSES_H

#include "s2s/Conversion/S2SToLinalg/S2SToLinalg.h"

namespace mlir {
namespace s2s {

#define GEN_PASS_REGISTRATION
#include "s2s/Conversion/Passes.h.inc"

} // namespace s2s
} // namespace mlir

#endif // S2S_CONVERSION_PASSES_H

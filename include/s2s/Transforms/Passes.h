//===- Passes.h - s2s passes on linalg and tensors --------------*- C++ -*-===//

#ifndef S2S_TRANSFORMS_PASSES_H
#define S2S_TRANSFORMS_PASSES_H

#include "mlir/Pass/Pass.h"

namespace mlir {
namespace s2s {

#define GEN_PASS_DECL
#include "s2s/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "s2s/Transforms/Passes.h.inc"

} // namespace s2s
} // namespace mlir

#endif // S2S_TRANSFORMS_PASSES_H

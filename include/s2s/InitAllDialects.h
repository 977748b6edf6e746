//===- InitAllDialects.h - register the s2s dialects ------------*- C++ -*-===//
//
// Registers the dialects of the s2s project, for tools and for users who
// embed s2s in their own.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_INITALLDIALECTS_H
#define S2S_INITALLDIALECTS_H

#include "mlir/IR/DialectRegistry.h"
#include "s2s/Dialect/S2S/IR/S2SDialect.h"

namespace mlir {
namespace s2s {

/// Adds every dialect defined by s2s to `registry`.
inline void registerAllDialects(DialectRegistry &registry) {
  registry.insert<S2SDialect>();
}

} // namespace s2s
} // namespace mlir

#endif // S2S_INITALLDIALECTS_H

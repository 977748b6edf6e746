//===- Transforms.h - graph-level rewrites of s2s ops -----------*- C++ -*-===//
//
// Entry points of the graph-level rewrites, for passes and for users who
// compose them with their own patterns.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_DIALECT_S2S_TRANSFORMS_TRANSFORMS_H
#define S2S_DIALECT_S2S_TRANSFORMS_TRANSFORMS_H

#include "mlir/IR/PatternMatch.h"

#include <functional>

namespace mlir {
namespace s2s {

/// Decides whether a recurrent layer op (s2s.rnn, s2s.lstm, s2s.gru) gets
/// its input projection hoisted.
using ControlHoistFn = std::function<bool(Operation *layer)>;

/// Patterns splitting recurrent layers into an s2s.linear input projection
/// and an s2s.recurrence, for the layers `control` accepts.
void populateHoistRNNInputPatterns(RewritePatternSet &patterns,
                                   const ControlHoistFn &control);

/// Patterns packing the separate Q/K/V projection weights of self-attention
/// into one in_proj_weight.
void populatePackQKVPatterns(RewritePatternSet &patterns);

/// Patterns rewriting attention written with linalg contractions, softmax
/// and elementwise ops into s2s.scaled_dot_product_attention.
void populateRaiseAttentionPatterns(RewritePatternSet &patterns);

} // namespace s2s
} // namespace mlir

#endif // S2S_DIALECT_S2S_TRANSFORMS_TRANSFORMS_H

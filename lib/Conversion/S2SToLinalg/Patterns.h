//===- Patterns.h - pattern groups of convert-s2s-to-linalg -----*- C++ -*-===//
//
// The lowering patterns are split by op family, one file each; this header
// declares their populate functions for S2SToLinalg.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_LIB_CONVERSION_S2STOLINALG_PATTERNS_H
#define S2S_LIB_CONVERSION_S2STOLINALG_PATTERNS_H

#include "TensorBuilder.h"

#include "mlir/IR/PatternMatch.h"
#include "s2s/Conversion/S2SToLinalg/S2SToLinalg.h"

#include <utility>

namespace mlir {
namespace s2s {

/// s2s.rnn, s2s.lstm, s2s.gru and their cells.
void populateRecurrentToLinalgPatterns(
    RewritePatternSet &patterns, const ConvertS2SToLinalgPassOptions &options);

/// s2s.attention, s2s.scaled_dot_product_attention, s2s.multi_head_attention
/// and s2s.cached_multi_head_attention.
void populateAttentionToLinalgPatterns(
    RewritePatternSet &patterns, const ConvertS2SToLinalgPassOptions &options);

/// Writes `entries` into `cache` at `pos` along `dim` (pos clamped to
/// [0, capacity - count], so that a bad position cannot write out of
/// bounds): tensor.insert_slice, in place after bufferization. Returns the
/// updated cache and its valid prefix [0, pos + count) along `dim` (a view).
std::pair<Value, Value> appendToCache(TensorBuilder &tb, Value cache,
                                      Value entries, Value pos, int64_t dim);

} // namespace s2s
} // namespace mlir

#endif // S2S_LIB_CONVERSION_S2STOLINALG_PATTERNS_H

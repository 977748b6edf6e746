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

/// s2s.rnn, s2s.lstm, s2s.gru, s2s.recurrence and the cells, unfused.
void populateRecurrentToLinalgPatterns(RewritePatternSet &patterns);

/// s2s.attention, s2s.scaled_dot_product_attention, s2s.multi_head_attention
/// and s2s.cached_multi_head_attention, over the full score tensor.
void populateAttentionToLinalgPatterns(RewritePatternSet &patterns,
                                       bool polynomialExp);

/// Checks that the lowering can take `op`: its feature, head and weight
/// dimensions are static, and dimensions that a shape rule ties are both
/// static or both dynamic. With `report`, a failure is reported on `op`,
/// naming the operand and the dimension.
LogicalResult checkStaticFeatureDims(Operation *op, bool report = true);

/// Lowers the s2s ops of `root` that `selected` accepts and whose dimensions
/// the lowering can take (checkStaticFeatureDims) with `patterns`, and leaves
/// every other op for convert-s2s-to-linalg: the driver of the passes that
/// lower some ops with a schedule of their own.
LogicalResult applyScheduledLowering(Operation *root,
                                     function_ref<bool(Operation *)> selected,
                                     RewritePatternSet &&patterns);

/// s2s.index_select of `input` at `indices` along `dim` (>= 0): a gather
/// whose indices are clamped to the dimension, so that a bad index cannot
/// read out of bounds.
Value selectIndices(TensorBuilder &tb, Value input, int64_t dim, Value indices);
/// Writes `entries` into `cache` at `pos` along `dim` (pos clamped to
/// [0, capacity - count], so that a bad position cannot write out of
/// bounds): tensor.insert_slice, in place after bufferization. Returns the
/// updated cache and its valid prefix [0, pos + count) along `dim` (a view).
std::pair<Value, Value> appendToCache(TensorBuilder &tb, Value cache,
                                      Value entries, Value pos, int64_t dim);

} // namespace s2s
} // namespace mlir

#endif // S2S_LIB_CONVERSION_S2STOLINALG_PATTERNS_H

//===- Patterns.h - pattern groups of convert-s2s-to-linalg -----*- C++ -*-===//
//
// The lowering patterns are split by op family, one file each; this header
// declares their populate functions for S2SToLinalg.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_LIB_CONVERSION_S2STOLINALG_PATTERNS_H
#define S2S_LIB_CONVERSION_S2STOLINALG_PATTERNS_H

#include "mlir/IR/PatternMatch.h"
#include "s2s/Conversion/S2SToLinalg/S2SToLinalg.h"

namespace mlir {
namespace s2s {

/// s2s.rnn, s2s.lstm, s2s.gru and their cells.
void populateRecurrentToLinalgPatterns(
    RewritePatternSet &patterns, const ConvertS2SToLinalgPassOptions &options);

/// s2s.attention, s2s.scaled_dot_product_attention, s2s.multi_head_attention.
void populateAttentionToLinalgPatterns(
    RewritePatternSet &patterns, const ConvertS2SToLinalgPassOptions &options);

} // namespace s2s
} // namespace mlir

#endif // S2S_LIB_CONVERSION_S2STOLINALG_PATTERNS_H

//===- WeightMarks.h - marks of the contractions with weights --*- C++ -*-===//
//
// The discardable attributes with which the lowering passes (option
// `mark-weights`) tell s2s-linalg-bf16-weights which contractions read a
// model's weights: shared by the two without either depending on the other.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_SUPPORT_WEIGHTMARKS_H
#define S2S_SUPPORT_WEIGHTMARKS_H

#include "llvm/ADT/StringRef.h"

namespace mlir {
namespace s2s {

/// On a contraction the lowering built that reads weights: an index
/// attribute naming the linalg.generic's input that holds them (W of
/// x W^T, the RNN's W_hh, Luong's W).
inline constexpr llvm::StringLiteral kWeightInputAttrName = "s2s.weight_input";

/// On a contraction the lowering built of two activations (attention's
/// q k^T and p v): a unit attribute. Its inputs stay f32 even when one is a
/// constant (keys and values bound at compile time).
inline constexpr llvm::StringLiteral kNoWeightsAttrName = "s2s.no_weights";

} // namespace s2s
} // namespace mlir

#endif // S2S_SUPPORT_WEIGHTMARKS_H

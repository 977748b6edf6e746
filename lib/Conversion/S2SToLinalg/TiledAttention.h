//===- TiledAttention.h - attention as linalg on tensors --------*- C++ -*-===//
//
// The pieces of the attention lowerings (AttentionToLinalg.cpp): masks and
// the masked softmax over a full score tensor, and the tiled attention with
// an online softmax (FlashAttention, and its split-key form for decoding).
// Private to lib/Conversion/S2SToLinalg.
//
//===----------------------------------------------------------------------===//

#ifndef S2S_LIB_CONVERSION_S2STOLINALG_TILEDATTENTION_H
#define S2S_LIB_CONVERSION_S2STOLINALG_TILEDATTENTION_H

#include "TensorBuilder.h"

namespace mlir {
namespace s2s {

/// A mask read at each score position through `map`.
struct MaskTerm {
  Value mask;
  AffineMap map;
};

/// Block sizes of the tiled attention, and how it computes exponentials
/// (TensorBuilder::expNonPositive).
struct AttentionBlocks {
  int64_t queries, keys;
  bool polynomialExp = true;
  /// Split the keys of each (batch, head, query block) into chunks computed
  /// in parallel when there are fewer such triples than this (1: never).
  int64_t keySplits = 1;
};

/// The map reading a mask that broadcasts (aligned right, size-1 dimensions
/// repeated) to a score tensor of rank `rank`.
AffineMap broadcastMap(TensorBuilder &tb, Value mask, unsigned rank,
                       ArrayRef<int64_t> scoreShape);

/// maskScores followed by the softmax over the last dimension, with fully
/// masked rows zero.
Value maskedSoftmax(TensorBuilder &tb, Value scores, double scale,
                    ArrayRef<MaskTerm> masks, bool causal, bool polynomialExp);

/// softmax(q k^T * scale + masks) v for q [B, H, Tq, D], k [B, Hkv, Tk, D],
/// v [B, Hkv, Tk, Dv] and masks of rank 4 that broadcast to [B, H, Tq, Tk],
/// as FlashAttention computes it: per head, blocks of queries against blocks
/// of keys, keeping a running maximum m, a running sum l and the unnormalized
/// output, so that no [Tq, Tk] tensor exists; scratch memory is O(block).
/// With `causal`, key blocks after a query block's last visible key are not
/// visited. A query with every key masked gets zeros.
///
/// With `timeMajor`, q, k and v are [B, T, H, D] instead (as a projection
/// [B*T, H*D] splits into heads without a transpose) and so is the result,
/// [B, Tq, H, Dv]: blocks are read and written in place, with a row stride
/// of the whole [H, D] row.
Value tiledAttention(OpBuilder &builder, Location loc, Value q, Value k,
                     Value v, ArrayRef<Value> masks, double scale, bool causal,
                     AttentionBlocks blocks, bool timeMajor = false);

} // namespace s2s
} // namespace mlir

#endif // S2S_LIB_CONVERSION_S2STOLINALG_TILEDATTENTION_H

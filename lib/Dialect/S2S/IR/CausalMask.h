//===- CausalMask.h - masks that compute the causal triangle ----*- C++ -*-===//
//
// Recognizes an attention mask computed in the graph, at run time, that is
// the causal triangle for every sequence length: what an exporter emits for
// nn.Transformer.generate_square_subsequent_mask(T) or torch.tril(ones(T, T))
// when T is a dynamic axis (Trilu of a fill, Range comparisons, Where).
//
//===----------------------------------------------------------------------===//

#ifndef S2S_LIB_DIALECT_S2S_IR_CAUSALMASK_H
#define S2S_LIB_DIALECT_S2S_IR_CAUSALMASK_H

#include "mlir/IR/Value.h"
#include "llvm/ADT/APFloat.h"

namespace mlir {
namespace s2s {
namespace detail {

/// Whether `mask` ([..., Tq, Tk], boolean or additive float; computed by
/// linalg, tensor and arith ops) is exactly the causal mask of attention
/// whose query tensor `query` has its sequence in dimension `queryDim`: for
/// every size, element [.., i, j] is visible (true, or +-0) iff j <= i, and
/// hidden (false, -inf, or a float <= -1e30) otherwise, the same for every
/// leading index; and its sizes are provably Tq x Tq (also through the
/// cf.assert checks of equal sizes before `attention`). Then dropping the mask
/// and setting `causal` (j <= i + Tk - Tq) computes the same: Tk is Tq, or
/// the mask is 1 x 1 and broadcasts over Tk keys of one query.
///
/// The proof evaluates one element symbolically: integers as affine
/// functions of i and j, every comparison of them a comparison of j - i with
/// a constant (so the mask is a function of j - i, constant between those
/// constants), then checks j - i at and beside each of them.
bool isComputedCausalMask(Operation *attention, Value mask, Value query,
                          int64_t queryDim);

/// Whether `x` <= -1e30 (compared in x's own semantics).
bool isAtMostMinus1e30(const APFloat &x);

} // namespace detail
} // namespace s2s
} // namespace mlir

#endif // S2S_LIB_DIALECT_S2S_IR_CAUSALMASK_H

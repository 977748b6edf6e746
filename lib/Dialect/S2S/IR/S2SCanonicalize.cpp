//===- S2SCanonicalize.cpp - canonicalization of s2s ops ------------------===//
//
// Canonical forms for what importers and hand-written models produce every
// day, each an exact rewrite (the result is bit for bit the same):
//
//  * an optional operand that states the default is dropped: a zero initial
//    state (h0, c0; the default state is +0.0), a boolean mask that is true
//    everywhere or an additive mask that is zero everywhere, seq_lens that
//    are all the sequence length;
//  * s2s.multi_head_attention with key = value = query is written as
//    self-attention (no key and value), the form s2s-pack-qkv recognizes;
//  * a constant mask of scaled dot-product or multi-head attention that is
//    the bottom-right aligned causal triangle (as
//    nn.Transformer.generate_square_subsequent_mask makes it, -inf above
//    the diagonal; or boolean) becomes the `causal` attribute, with which
//    the tiled attention skips the hidden key blocks. So does a mask
//    computed at run time that is that triangle for every sequence length
//    (CausalMask.h): what exporters emit when the length is dynamic.
//
// Dropping an operand also drops the work it costs (a masked path, a
// per-step length test).
//
//===----------------------------------------------------------------------===//

#include "CausalMask.h"
#include "s2s/Dialect/S2S/IR/S2SOps.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

#include <type_traits>

using namespace mlir;
using namespace mlir::s2s;

//===----------------------------------------------------------------------===//
// Constants that state a default
//===----------------------------------------------------------------------===//

/// The splat value of `v` if it is a constant with one value everywhere.
static Attribute splatConstant(Value v) {
  DenseElementsAttr attr;
  if (!v || !matchPattern(v, m_Constant(&attr)) || !attr.isSplat())
    return {};
  return attr.getSplatValue<Attribute>();
}

/// +0.0 everywhere: what an absent initial state is.
static bool isPositiveZero(Value v) {
  auto value = dyn_cast_if_present<FloatAttr>(splatConstant(v));
  return value && value.getValue().isPosZero();
}

/// A mask that masks nothing: true everywhere (boolean), or zero everywhere
/// (additive; adding either zero to a score leaves its exponential and the
/// softmax unchanged).
static bool isNeutralMask(Value v) {
  Attribute value = splatConstant(v);
  if (auto flag = dyn_cast_if_present<BoolAttr>(value))
    return flag.getValue();
  if (auto integer = dyn_cast_if_present<IntegerAttr>(value))
    return integer.getType().isInteger(1) && integer.getValue().isAllOnes();
  if (auto number = dyn_cast_if_present<FloatAttr>(value))
    return number.getValue().isZero();
  return false;
}

/// Whether the constant `mask`, of static shape [..., Tq, Tk] with every
/// leading dimension 1 (one mask for every batch and head), is the bottom-
/// right aligned causal mask: query i may attend key j iff j <= i + Tk - Tq.
/// Boolean: true exactly there. Additive: 0 there, -inf elsewhere; or, when
/// every query sees a key (Tq <= Tk), a negative number so large that its
/// exponential is 0 (<= -1e30, as torch.finfo(float32).min), which then
/// gives the same softmax. The attention's `queries` and `keys` (static, or
/// kDynamic) must be the mask's: a mask dimension of 1 broadcasts, and is
/// then the triangle of one query or one key, not of theirs.
static bool isCausalMask(Value mask, int64_t queries, int64_t keys) {
  DenseElementsAttr attr;
  if (!mask || !matchPattern(mask, m_Constant(&attr)) || attr.isSplat())
    return false;
  auto type = cast<RankedTensorType>(attr.getType());
  int64_t rank = type.getRank();
  if (rank < 2 || !type.hasStaticShape() ||
      llvm::any_of(type.getShape().drop_back(2),
                   [](int64_t size) { return size != 1; }))
    return false;
  int64_t tq = type.getDimSize(rank - 2), tk = type.getDimSize(rank - 1);
  if ((tq == 1 && queries != 1) || (tk == 1 && keys != 1))
    return false;
  auto visible = [&](int64_t index) {
    int64_t i = index / tk, j = index % tk;
    return j <= i + tk - tq;
  };
  Type elt = type.getElementType();
  if (elt.isInteger(1)) {
    for (auto [index, value] : llvm::enumerate(attr.getValues<bool>()))
      if (value != visible(static_cast<int64_t>(index)))
        return false;
    return true;
  }
  if (!isa<FloatType>(elt))
    return false;
  for (auto [index, value] : llvm::enumerate(attr.getValues<APFloat>())) {
    if (visible(static_cast<int64_t>(index))) {
      if (!value.isZero())
        return false;
    } else if (!(value.isInfinity() && value.isNegative()) &&
               !(tq <= tk && value.isNegative() && !value.isNaN() &&
                 s2s::detail::isAtMostMinus1e30(value))) {
      return false;
    }
  }
  return true;
}

/// seq_lens equal to the (static) sequence length everywhere.
static bool isFullLength(Value seqLens, int64_t steps) {
  auto value = dyn_cast_if_present<IntegerAttr>(splatConstant(seqLens));
  return value && !ShapedType::isDynamic(steps) && value.getInt() == steps;
}

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

namespace {

/// Drops the optional operands of a recurrent layer or recurrence that state
/// the default: h0 and c0 of +0.0, seq_lens all equal to T.
template <typename OpTy>
struct DropDefaultRecurrentOperands : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    bool h0 = isPositiveZero(op.getH0());
    bool c0 = false;
    if constexpr (std::is_same_v<OpTy, LSTMOp> ||
                  std::is_same_v<OpTy, RecurrenceOp>)
      c0 = isPositiveZero(op.getC0());
    auto inputType = cast<RankedTensorType>(op->getOperand(0).getType());
    int64_t steps = inputType.getDimSize(op.getBatchFirst() ? 1 : 0);
    bool seqLens = isFullLength(op.getSeqLens(), steps);
    if (!h0 && !c0 && !seqLens)
      return rewriter.notifyMatchFailure(op, "no operand states a default");
    rewriter.modifyOpInPlace(op, [&] {
      if (h0)
        op.getH0Mutable().clear();
      if constexpr (std::is_same_v<OpTy, LSTMOp> ||
                    std::is_same_v<OpTy, RecurrenceOp>)
        if (c0)
          op.getC0Mutable().clear();
      if (seqLens)
        op.getSeqLensMutable().clear();
    });
    return success();
  }
};

/// Drops the mask of s2s.attention or s2s.scaled_dot_product_attention when
/// it masks nothing.
template <typename OpTy> struct DropNeutralMask : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    if (!isNeutralMask(op.getMask()))
      return rewriter.notifyMatchFailure(op, "no mask, or one that masks");
    rewriter.modifyOpInPlace(op, [&] { op.getMaskMutable().clear(); });
    return success();
  }
};

/// s2s.scaled_dot_product_attention with a causal mask, constant or
/// computed: the mask goes and the op is `causal` (bottom-right aligned, as
/// the mask).
struct CausalMaskToAttribute : OpRewritePattern<ScaledDotProductAttentionOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ScaledDotProductAttentionOp op,
                                PatternRewriter &rewriter) const override {
    Value mask = op.getMask();
    int64_t queries = op.getQuery().getType().getDimSize(2);
    int64_t keys = op.getKey().getType().getDimSize(2);
    if (!mask || (!isCausalMask(mask, queries, keys) &&
                  !s2s::detail::isComputedCausalMask(op, mask, op.getQuery(),
                                                     /*queryDim=*/2)))
      return rewriter.notifyMatchFailure(op, "no causal mask");
    rewriter.modifyOpInPlace(op, [&] {
      op.getMaskMutable().clear();
      op.setCausal(true);
    });
    return success();
  }
};

/// s2s.multi_head_attention with an attn_mask [Tq, Tk] that is a causal
/// mask, constant or computed: the mask goes and the op is `causal`.
struct CausalAttnMaskToAttribute : OpRewritePattern<MultiHeadAttentionOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(MultiHeadAttentionOp op,
                                PatternRewriter &rewriter) const override {
    Value mask = op.getAttnMask();
    int64_t seqDim = op.getBatchFirst() ? 1 : 0;
    int64_t queries = op.getQuery().getType().getDimSize(seqDim);
    Value key = op.getKey() ? op.getKey() : op.getQuery();
    int64_t keys = cast<RankedTensorType>(key.getType()).getDimSize(seqDim);
    if (!mask || cast<RankedTensorType>(mask.getType()).getRank() != 2 ||
        (!isCausalMask(mask, queries, keys) &&
         !s2s::detail::isComputedCausalMask(op, mask, op.getQuery(),
                                            op.getBatchFirst() ? 1 : 0)))
      return rewriter.notifyMatchFailure(op, "no causal attn_mask");
    rewriter.modifyOpInPlace(op, [&] {
      op.getAttnMaskMutable().clear();
      op.setCausal(true);
    });
    return success();
  }
};

/// s2s.multi_head_attention and s2s.cached_multi_head_attention: drops masks
/// that mask nothing; writes key = value = query as self-attention.
template <typename OpTy>
struct CanonicalizeMultiHeadAttention : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    bool keyPadding = isNeutralMask(op.getKeyPaddingMask());
    bool attnMask = isNeutralMask(op.getAttnMask());
    bool self = false;
    if constexpr (std::is_same_v<OpTy, MultiHeadAttentionOp>)
      self = op.getKey() && op.getKey() == op.getQuery() &&
             op.getValue() == op.getQuery();
    if (!keyPadding && !attnMask && !self)
      return rewriter.notifyMatchFailure(op, "already canonical");
    rewriter.modifyOpInPlace(op, [&] {
      if (keyPadding)
        op.getKeyPaddingMaskMutable().clear();
      if (attnMask)
        op.getAttnMaskMutable().clear();
      if constexpr (std::is_same_v<OpTy, MultiHeadAttentionOp>) {
        if (self) {
          op.getKeyMutable().clear();
          op.getValueMutable().clear();
        }
      }
    });
    return success();
  }
};

} // namespace

//===----------------------------------------------------------------------===//
// Registration
//===----------------------------------------------------------------------===//

void RNNOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                        MLIRContext *context) {
  patterns.add<DropDefaultRecurrentOperands<RNNOp>>(context);
}

void LSTMOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                         MLIRContext *context) {
  patterns.add<DropDefaultRecurrentOperands<LSTMOp>>(context);
}

void GRUOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                        MLIRContext *context) {
  patterns.add<DropDefaultRecurrentOperands<GRUOp>>(context);
}

void RecurrenceOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                               MLIRContext *context) {
  patterns.add<DropDefaultRecurrentOperands<RecurrenceOp>>(context);
}

void AttentionOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                              MLIRContext *context) {
  patterns.add<DropNeutralMask<AttentionOp>>(context);
}

void ScaledDotProductAttentionOp::getCanonicalizationPatterns(
    RewritePatternSet &patterns, MLIRContext *context) {
  patterns
      .add<DropNeutralMask<ScaledDotProductAttentionOp>, CausalMaskToAttribute>(
          context);
}

void MultiHeadAttentionOp::getCanonicalizationPatterns(
    RewritePatternSet &patterns, MLIRContext *context) {
  patterns.add<CanonicalizeMultiHeadAttention<MultiHeadAttentionOp>,
               CausalAttnMaskToAttribute>(context);
}

void CachedMultiHeadAttentionOp::getCanonicalizationPatterns(
    RewritePatternSet &patterns, MLIRContext *context) {
  patterns.add<CanonicalizeMultiHeadAttention<CachedMultiHeadAttentionOp>>(
      context);
}

//===- AttentionToLinalg.cpp - lower s2s attention ops --------------------===//
//
// Lowers s2s.attention, s2s.scaled_dot_product_attention and
// s2s.multi_head_attention to linalg on tensors: a score contraction, the
// masks (boolean: false -> -inf; additive: added; causal: bottom-right
// aligned), a softmax whose fully masked rows are zero, and the contraction
// with the values. Grouped-query heads index the shared key/value head
// through the indexing map (h floordiv group), without copying K/V.
//
//===----------------------------------------------------------------------===//

#include "Patterns.h"
#include "TensorBuilder.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"
#include "s2s/Dialect/S2S/IR/S2SOps.h"

#include <cmath>

using namespace mlir;
using namespace mlir::s2s;

//===----------------------------------------------------------------------===//
// Masks and softmax
//===----------------------------------------------------------------------===//

namespace {
/// A mask read at each score position through `map`.
struct MaskTerm {
  Value mask;
  AffineMap map;
};
} // namespace

/// The map reading a mask that broadcasts (aligned right, size-1 dimensions
/// repeated) to a score tensor of rank `rank`.
static AffineMap broadcastMap(TensorBuilder &tb, Value mask, unsigned rank,
                              ArrayRef<int64_t> scoreShape) {
  ArrayRef<int64_t> shape = TensorBuilder::shapeOf(mask);
  MLIRContext *ctx = tb.builder().getContext();
  SmallVector<AffineExpr> exprs;
  unsigned offset = rank - shape.size();
  for (auto [i, size] : llvm::enumerate(shape)) {
    if (size == 1 && scoreShape[offset + i] != 1)
      exprs.push_back(getAffineConstantExpr(0, ctx));
    else
      exprs.push_back(getAffineDimExpr(offset + i, ctx));
  }
  return tb.mapOf(rank, exprs);
}

/// Returns scale * scores with the masks applied: an additive mask is added,
/// a false boolean mask and, with `causal`, a key after the query's
/// bottom-right aligned diagonal give -inf. Then the softmax over the last
/// dimension, with fully masked rows zero.
static Value maskedSoftmax(TensorBuilder &tb, Value scores, double scale,
                           ArrayRef<MaskTerm> masks, bool causal) {
  ArrayRef<int64_t> shape = TensorBuilder::shapeOf(scores);
  unsigned rank = shape.size();
  Type elt = TensorBuilder::elementTypeOf(scores);
  int64_t tq = shape[rank - 2], tk = shape[rank - 1];
  SmallVector<Value> inputs = {scores};
  SmallVector<AffineMap> maps = {tb.identityMap(rank)};
  for (const MaskTerm &term : masks) {
    inputs.push_back(term.mask);
    maps.push_back(term.map);
  }
  SmallVector<bool> isBool;
  for (const MaskTerm &term : masks)
    isBool.push_back(TensorBuilder::elementTypeOf(term.mask).isInteger(1));
  Value scaleValue = tb.floatConst(elt, scale);
  Value minusInf = tb.negInf(elt);
  Value masked = tb.map(
      inputs, maps, shape, elt, [&](OpBuilder &b, Location loc, ValueRange a) {
        Value s = arith::MulFOp::create(b, loc, a[0], scaleValue);
        Value allowed;
        auto conjoin = [&](Value cond) {
          allowed = allowed ? arith::AndIOp::create(b, loc, allowed, cond)
                                  .getResult()
                            : cond;
        };
        for (unsigned m = 0; m < isBool.size(); ++m) {
          if (isBool[m])
            conjoin(a[1 + m]);
          else
            s = arith::AddFOp::create(b, loc, s, a[1 + m]);
        }
        if (causal) {
          // Key j is visible to query i iff j <= i + (Tk - Tq).
          Value i = linalg::IndexOp::create(b, loc, rank - 2);
          Value j = linalg::IndexOp::create(b, loc, rank - 1);
          Value shift = arith::ConstantIndexOp::create(b, loc, tk - tq);
          Value limit = arith::AddIOp::create(b, loc, i, shift);
          conjoin(arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sle, j,
                                        limit));
        }
        if (allowed)
          s = arith::SelectOp::create(b, loc, allowed, s, minusInf);
        linalg::YieldOp::create(b, loc, s);
      });
  return tb.softmaxLast(masked);
}

namespace {

//===----------------------------------------------------------------------===//
// s2s.scaled_dot_product_attention
//===----------------------------------------------------------------------===//

struct ScaledDotProductAttentionOpLowering
    : OpConversionPattern<ScaledDotProductAttentionOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ScaledDotProductAttentionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    TensorBuilder tb(rewriter, op.getLoc());
    Value q = adaptor.getQuery(), k = adaptor.getKey(), v = adaptor.getValue();
    ArrayRef<int64_t> qShape = TensorBuilder::shapeOf(q);
    ArrayRef<int64_t> kShape = TensorBuilder::shapeOf(k);
    int64_t b = qShape[0], h = qShape[1], tq = qShape[2];
    int64_t tk = kShape[2], dv = TensorBuilder::shapeOf(v)[3];
    int64_t group = h / kShape[1];

    MLIRContext *ctx = rewriter.getContext();
    AffineExpr d0, d1, d2, d3, d4;
    bindDims(ctx, d0, d1, d2, d3, d4);
    AffineExpr kvHead = d1.floorDiv(group);
    // scores[b, h, i, j] = sum_d q[b, h, i, d] * k[b, h / group, j, d]
    Value scores = tb.contract(q, tb.mapOf(5, {d0, d1, d2, d4}), k,
                               tb.mapOf(5, {d0, kvHead, d3, d4}),
                               {b, h, tq, tk}, 5, 1);
    SmallVector<MaskTerm> masks;
    if (Value mask = adaptor.getMask())
      masks.push_back({mask, broadcastMap(tb, mask, 4, {b, h, tq, tk})});
    Value probs = maskedSoftmax(tb, scores, op.getScaleOrDefault(), masks,
                                op.getCausal());
    // out[b, h, i, e] = sum_j p[b, h, i, j] * v[b, h / group, j, e]
    Value out = tb.contract(probs, tb.mapOf(5, {d0, d1, d2, d4}), v,
                            tb.mapOf(5, {d0, kvHead, d4, d3}), {b, h, tq, dv},
                            5, 1);
    rewriter.replaceOp(op, out);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// s2s.attention
//===----------------------------------------------------------------------===//

struct AttentionOpLowering : OpConversionPattern<AttentionOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(AttentionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    TensorBuilder tb(rewriter, op.getLoc());
    Value q = adaptor.getQuery(), k = adaptor.getKeys(),
          v = adaptor.getValues();
    ArrayRef<int64_t> qShape = TensorBuilder::shapeOf(q);
    ArrayRef<int64_t> kShape = TensorBuilder::shapeOf(k);
    int64_t b = qShape[0], tq = qShape[1], tk = kShape[1];
    int64_t dv = TensorBuilder::shapeOf(v)[2];
    Type elt = TensorBuilder::elementTypeOf(q);

    MLIRContext *ctx = rewriter.getContext();
    AffineExpr d0, d1, d2, d3;
    bindDims(ctx, d0, d1, d2, d3);
    auto dotScores = [&](Value query) {
      // scores[b, i, j] = sum_d query[b, i, d] * k[b, j, d]
      return tb.contract(query, tb.mapOf(4, {d0, d1, d3}), k,
                         tb.mapOf(4, {d0, d2, d3}), {b, tq, tk}, 4, 1);
    };

    Value scores;
    switch (op.getScore()) {
    case AttentionScore::dot:
      scores = dotScores(q);
      break;
    case AttentionScore::general: {
      // (q W)[b, i, e] = sum_d q[b, i, d] * W[d, e], then dot with k.
      int64_t dk = kShape[2];
      Value qw = tb.contract(q, tb.mapOf(4, {d0, d1, d3}), adaptor.getW(),
                             tb.mapOf(4, {d3, d2}), {b, tq, dk}, 4, 1);
      scores = dotScores(qw);
      break;
    }
    case AttentionScore::additive: {
      // scores[b, i, j] = sum_a v[a] * tanh((q W_q^T)[b, i, a] +
      //                                     (k W_k^T)[b, j, a])
      Value wq = adaptor.getWQuery(), wk = adaptor.getWKeys();
      int64_t a = TensorBuilder::shapeOf(wq)[0];
      Value pq = tb.unflattenLeading(tb.linear(tb.flattenLeading(q), wq),
                                     {b, tq, a});
      Value pk = tb.unflattenLeading(tb.linear(tb.flattenLeading(k), wk),
                                     {b, tk, a});
      Value init = tb.filled({b, tq, tk}, elt, 0.0);
      SmallVector<utils::IteratorType> iterators(3,
                                                 utils::IteratorType::parallel);
      iterators.push_back(utils::IteratorType::reduction);
      scores = tb.generic({pq, pk, adaptor.getV()}, init,
                          {tb.mapOf(4, {d0, d1, d3}), tb.mapOf(4, {d0, d2, d3}),
                           tb.mapOf(4, {d3}), tb.mapOf(4, {d0, d1, d2})},
                          iterators,
                          [](OpBuilder &nb, Location loc, ValueRange args) {
                            Value sum = arith::AddFOp::create(nb, loc, args[0],
                                                              args[1]);
                            Value t = math::TanhOp::create(nb, loc, sum);
                            Value prod =
                                arith::MulFOp::create(nb, loc, args[2], t);
                            linalg::YieldOp::create(
                                nb, loc,
                                arith::AddFOp::create(nb, loc, args[3], prod)
                                    .getResult());
                          })[0];
      break;
    }
    }

    SmallVector<MaskTerm> masks;
    if (Value mask = adaptor.getMask())
      masks.push_back({mask, broadcastMap(tb, mask, 3, {b, tq, tk})});
    Value probs = maskedSoftmax(tb, scores, 1.0, masks, /*causal=*/false);
    // ctx[b, i, e] = sum_j p[b, i, j] * values[b, j, e]
    Value context = tb.contract(probs, tb.mapOf(4, {d0, d1, d3}), v,
                                tb.mapOf(4, {d0, d3, d2}), {b, tq, dv}, 4, 1);
    rewriter.replaceOp(op, {context, probs});
    return success();
  }
};

//===----------------------------------------------------------------------===//
// s2s.multi_head_attention
//===----------------------------------------------------------------------===//

struct MultiHeadAttentionOpLowering
    : OpConversionPattern<MultiHeadAttentionOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(MultiHeadAttentionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    TensorBuilder tb(rewriter, op.getLoc());
    bool batchFirst = op.getBatchFirst();
    auto toBatchMajor = [&](Value v) {
      return batchFirst ? v : tb.transpose(v, {1, 0, 2});
    };
    Value query = toBatchMajor(adaptor.getQuery());
    Value key = adaptor.getKey() ? toBatchMajor(adaptor.getKey()) : query;
    Value value = adaptor.getValue() ? toBatchMajor(adaptor.getValue()) : query;
    ArrayRef<int64_t> qShape = TensorBuilder::shapeOf(query);
    int64_t b = qShape[0], tq = qShape[1], e = qShape[2];
    int64_t tk = TensorBuilder::shapeOf(key)[1];
    int64_t heads = op.getNumHeads(), hd = e / heads;
    Type elt = TensorBuilder::elementTypeOf(query);

    // Rows [index*E, (index+1)*E) of a packed projection weight or bias.
    auto packedPart = [&](Value packed, int64_t index) {
      return tb.rows(packed, index * e, e);
    };
    Value packed = adaptor.getInProjWeight();
    Value weights[3] = {
        packed ? packedPart(packed, 0) : adaptor.getQProjWeight(),
        packed ? packedPart(packed, 1) : adaptor.getKProjWeight(),
        packed ? packedPart(packed, 2) : adaptor.getVProjWeight()};
    Value bias = adaptor.getInProjBias();

    // [B, T, Ein] -> projected, split into heads: [B, heads, T, hd].
    auto project = [&](Value input, int64_t index) {
      int64_t t = TensorBuilder::shapeOf(input)[1];
      Value flat = tb.linear(tb.flattenLeading(input), weights[index],
                             packedPart(bias, index));
      Value split = tb.expand(flat, {b, t, heads, hd}, {{0, 1}, {2, 3}});
      return tb.transpose(split, {0, 2, 1, 3});
    };
    Value qh = project(query, 0), kh = project(key, 1), vh = project(value, 2);

    MLIRContext *ctx = rewriter.getContext();
    AffineExpr d0, d1, d2, d3, d4;
    bindDims(ctx, d0, d1, d2, d3, d4);
    Value scores = tb.contract(qh, tb.mapOf(5, {d0, d1, d2, d4}), kh,
                               tb.mapOf(5, {d0, d1, d3, d4}),
                               {b, heads, tq, tk}, 5, 1);
    SmallVector<MaskTerm> masks;
    if (Value kpm = adaptor.getKeyPaddingMask())
      masks.push_back({kpm, tb.mapOf(4, {d0, d3})});
    if (Value am = adaptor.getAttnMask()) {
      if (TensorBuilder::shapeOf(am).size() == 3)
        masks.push_back({am, tb.mapOf(4, {d0 * heads + d1, d2, d3})});
      else
        masks.push_back({am, tb.mapOf(4, {d2, d3})});
    }
    Value probs = maskedSoftmax(tb, scores, 1.0 / std::sqrt(double(hd)),
                                masks, op.getCausal());
    Value attn = tb.contract(probs, tb.mapOf(5, {d0, d1, d2, d4}), vh,
                             tb.mapOf(5, {d0, d1, d4, d3}), {b, heads, tq, hd},
                             5, 1);
    // [B, heads, Tq, hd] -> [B*Tq, E] -> output projection -> [B, Tq, E].
    Value merged = tb.collapse(tb.transpose(attn, {0, 2, 1, 3}),
                               {{0, 1}, {2, 3}});
    Value out = tb.expand(tb.linear(merged, adaptor.getOutProjWeight(),
                                    adaptor.getOutProjBias()),
                          {b, tq, e}, {{0, 1}, {2}});
    if (!batchFirst)
      out = tb.transpose(out, {1, 0, 2});

    SmallVector<Value> results = {out};
    if (op.getNeedWeights()) {
      // Mean over heads: sum_h p[b, h, i, j] / heads.
      Value init = tb.filled({b, tq, tk}, elt, 0.0);
      SmallVector<utils::IteratorType> iterators(3,
                                                 utils::IteratorType::parallel);
      iterators.push_back(utils::IteratorType::reduction);
      Value sum = tb.generic(probs, init,
                             {tb.mapOf(4, {d0, d3, d1, d2}),
                              tb.mapOf(4, {d0, d1, d2})},
                             iterators,
                             [](OpBuilder &nb, Location loc, ValueRange a) {
                               linalg::YieldOp::create(
                                   nb, loc,
                                   arith::AddFOp::create(nb, loc, a[0], a[1])
                                       .getResult());
                             })[0];
      Value count = tb.floatConst(elt, static_cast<double>(heads));
      results.push_back(tb.map(sum, {}, {b, tq, tk}, elt,
                               [&](OpBuilder &nb, Location loc, ValueRange a) {
                                 linalg::YieldOp::create(
                                     nb, loc,
                                     arith::DivFOp::create(nb, loc, a[0], count)
                                         .getResult());
                               }));
    }
    rewriter.replaceOp(op, results);
    return success();
  }
};

} // namespace

void mlir::s2s::populateAttentionToLinalgPatterns(RewritePatternSet &patterns) {
  patterns.add<AttentionOpLowering, MultiHeadAttentionOpLowering,
               ScaledDotProductAttentionOpLowering>(patterns.getContext());
}

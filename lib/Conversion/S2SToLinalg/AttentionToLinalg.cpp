//===- AttentionToLinalg.cpp - lower s2s attention ops --------------------===//
//
// Lowers s2s.attention, s2s.scaled_dot_product_attention,
// s2s.multi_head_attention and its cached form to linalg on tensors: a score
// contraction, the masks (boolean: false -> -inf; additive: added; causal:
// bottom-right aligned), a softmax whose fully masked rows are zero, and the
// contraction with the values. Grouped-query heads index the shared key/value
// head through the indexing map (h floordiv group), without copying K/V.
//
// The same patterns, given block sizes, lower the attention of the last three
// as FlashAttention (TiledAttention.cpp) for the pass
// convert-s2s-to-linalg-tiled-attention, defined here.
//
//===----------------------------------------------------------------------===//

#include "Patterns.h"
#include "TiledAttention.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Interfaces/LoopLikeInterface.h"
#include "mlir/Transforms/DialectConversion.h"
#include "s2s/Dialect/S2S/IR/S2SOps.h"

#include <cmath>
#include <limits>
#include <optional>

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_CONVERTS2STOLINALGTILEDATTENTIONPASS
#include "s2s/Conversion/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;
using namespace mlir::s2s;

namespace {

//===----------------------------------------------------------------------===//
// s2s.scaled_dot_product_attention
//===----------------------------------------------------------------------===//

/// A mask of rank < 4 as rank 4, with leading unit dimensions.
static Value asRank4(TensorBuilder &tb, Value mask) {
  SmallVector<OpFoldResult> shape = tb.sizesOf(mask);
  int64_t lead = 4 - shape.size();
  if (lead == 0)
    return mask;
  SmallVector<OpFoldResult> full(lead, tb.size(1));
  full.append(shape.begin(), shape.end());
  // The leading unit dimensions join the first group.
  SmallVector<ReassociationIndices> groups;
  for (int64_t i = 0, e = shape.size(); i < e; ++i)
    groups.push_back({lead + i});
  for (int64_t i = lead - 1; i >= 0; --i)
    groups.front().insert(groups.front().begin(), i);
  return tb.expand(mask, full, groups);
}

/// How the attention patterns lower: as FlashAttention with `tiling`
/// (convert-s2s-to-linalg-tiled-attention), or over the full score tensor
/// (convert-s2s-to-linalg).
struct AttentionSchedule {
  std::optional<AttentionBlocks> tiling;
  bool polynomialExp = true;
};

struct ScaledDotProductAttentionOpLowering
    : OpConversionPattern<ScaledDotProductAttentionOp> {
  ScaledDotProductAttentionOpLowering(MLIRContext *ctx,
                                      const AttentionSchedule &schedule)
      : OpConversionPattern(ctx), schedule(schedule) {}

  LogicalResult
  matchAndRewrite(ScaledDotProductAttentionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    TensorBuilder tb(rewriter, op.getLoc());
    Value q = adaptor.getQuery(), k = adaptor.getKey(), v = adaptor.getValue();
    if (schedule.tiling) {
      SmallVector<Value> masks;
      if (Value mask = adaptor.getMask())
        masks.push_back(asRank4(tb, mask));
      rewriter.replaceOp(op, tiledAttention(rewriter, op.getLoc(), q, k, v,
                                            masks, op.getScaleOrDefault(),
                                            op.getCausal(), *schedule.tiling));
      return success();
    }
    ArrayRef<int64_t> qShape = TensorBuilder::shapeOf(q);
    ArrayRef<int64_t> kShape = TensorBuilder::shapeOf(k);
    OpFoldResult b = tb.dimOf(q, 0), h = tb.dimOf(q, 1), tq = tb.dimOf(q, 2);
    OpFoldResult tk = tb.dimOf(k, 2), dv = tb.dimOf(v, 3);
    // No query heads (H = 0, any Hkv): an empty result. The contractions
    // below could not map query heads to key heads (their group is 0).
    if (qShape[1] == 0) {
      rewriter.replaceOp(
          op, tb.empty({b, h, tq, dv}, TensorBuilder::elementTypeOf(q)));
      return success();
    }
    int64_t group = qShape[1] / kShape[1];

    MLIRContext *ctx = rewriter.getContext();
    AffineExpr d0, d1, d2, d3, d4;
    bindDims(ctx, d0, d1, d2, d3, d4);
    AffineExpr kvHead = d1.floorDiv(group);
    // scores[b, h, i, j] = sum_d q[b, h, i, d] * k[b, h / group, j, d]
    Value scores =
        tb.contract(q, tb.mapOf(5, {d0, d1, d2, d4}), k,
                    tb.mapOf(5, {d0, kvHead, d3, d4}), {b, h, tq, tk}, 5, 1);
    SmallVector<MaskTerm> masks;
    if (Value mask = adaptor.getMask())
      masks.push_back(
          {mask, broadcastMap(tb, mask, 4,
                              {qShape[0], qShape[1], qShape[2], kShape[2]})});
    Value probs = maskedSoftmax(tb, scores, op.getScaleOrDefault(), masks,
                                op.getCausal(), schedule.polynomialExp);
    // out[b, h, i, e] = sum_j p[b, h, i, j] * v[b, h / group, j, e]
    Value out =
        tb.contract(probs, tb.mapOf(5, {d0, d1, d2, d4}), v,
                    tb.mapOf(5, {d0, kvHead, d4, d3}), {b, h, tq, dv}, 5, 1);
    rewriter.replaceOp(op, out);
    return success();
  }

  AttentionSchedule schedule;
};

//===----------------------------------------------------------------------===//
// s2s.attention
//===----------------------------------------------------------------------===//

/// The outermost loop around `op` outside which every value of `values` is
/// defined (so that a computation of those values alone can run once,
/// before it), or null.
static Operation *outermostInvariantLoop(Operation *op, ValueRange values) {
  Operation *found = nullptr;
  for (Operation *parent = op->getParentOp(); parent;
       parent = parent->getParentOp()) {
    if (!isa<LoopLikeOpInterface>(parent))
      continue;
    if (llvm::any_of(values, [&](Value v) {
          return parent->isAncestor(v.getParentRegion()->getParentOp());
        }))
      break;
    found = parent;
  }
  return found;
}

/// s2s.attention returns its weights: never tiled.
struct AttentionOpLowering : OpConversionPattern<AttentionOp> {
  AttentionOpLowering(MLIRContext *ctx, bool polynomialExp)
      : OpConversionPattern(ctx), polynomialExp(polynomialExp) {}

  LogicalResult
  matchAndRewrite(AttentionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    TensorBuilder tb(rewriter, op.getLoc());
    Value q = adaptor.getQuery(), k = adaptor.getKeys(),
          v = adaptor.getValues();
    ArrayRef<int64_t> qShape = TensorBuilder::shapeOf(q);
    ArrayRef<int64_t> kShape = TensorBuilder::shapeOf(k);
    OpFoldResult b = tb.dimOf(q, 0), tq = tb.dimOf(q, 1), tk = tb.dimOf(k, 1);
    OpFoldResult dv = tb.dimOf(v, 2);
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
      OpFoldResult dk = tb.dimOf(k, 2);
      Value qw = tb.contract(q, tb.mapOf(4, {d0, d1, d3}), adaptor.getW(),
                             tb.mapOf(4, {d3, d2}), {b, tq, dk}, 4, 1);
      TensorBuilder::markWeights(qw, 1);
      scores = dotScores(qw);
      break;
    }
    case AttentionScore::additive: {
      // scores[b, i, j] = sum_a v[a] * tanh((q W_q^T)[b, i, a] +
      //                                     (k W_k^T)[b, j, a])
      Value wq = adaptor.getWQuery(), wk = adaptor.getWKeys();
      OpFoldResult a = tb.dimOf(wq, 0);
      Value pq =
          tb.unflattenLeading(tb.linear(tb.flattenLeading(q), wq), {b, tq, a});
      // k W_k^T depends on the keys alone: inside a loop that does not
      // define them (a decoder's steps over one source sequence), it is
      // computed once, before the loop. Keys that the loop selects by batch
      // row from such keys (the sentences still decoding, or the sentence
      // of each beam: s2s.index_select along dimension 0) are projected
      // before the loop as well, and the projection is selected instead:
      // a projection of each row commutes with a selection of rows (seen
      // through casts, which change no element). This projects every row
      // of the source, once, however few rows the loop selects: the
      // decoders' case, where the loop selects most rows at most steps.
      Value projected = k, rows;
      Operation *hoistBefore = outermostInvariantLoop(op, {k, wk});
      Value selected = op.getKeys();
      while (auto cast = selected.getDefiningOp<tensor::CastOp>())
        selected = cast.getSource();
      if (auto select = selected.getDefiningOp<IndexSelectOp>()) {
        Value source = rewriter.getRemappedValue(select.getInput());
        int64_t dim = static_cast<int64_t>(select.getDim());
        bool batchRows = dim == 0 || dim == -3;
        Operation *sourceLoop = outermostInvariantLoop(op, {source, wk});
        if (batchRows && sourceLoop &&
            (!hoistBefore || sourceLoop->isProperAncestor(hoistBefore))) {
          projected = source;
          rows = rewriter.getRemappedValue(select.getIndices());
          hoistBefore = sourceLoop;
        }
      }
      Value pk;
      {
        OpBuilder::InsertionGuard guard(rewriter);
        if (hoistBefore)
          rewriter.setInsertionPoint(hoistBefore);
        TensorBuilder kb(rewriter, op.getLoc());
        pk = kb.unflattenLeading(
            kb.linear(kb.flattenLeading(projected), wk),
            {kb.dimOf(projected, 0), kb.dimOf(projected, 1), kb.dimOf(wk, 0)});
      }
      if (rows)
        pk = selectIndices(tb, pk, 0, rows);
      Value init = tb.filled({b, tq, tk}, elt, 0.0);
      SmallVector<utils::IteratorType> iterators(3,
                                                 utils::IteratorType::parallel);
      iterators.push_back(utils::IteratorType::reduction);
      scores = tb.generic(
          {pq, pk, adaptor.getV()}, init,
          {tb.mapOf(4, {d0, d1, d3}), tb.mapOf(4, {d0, d2, d3}),
           tb.mapOf(4, {d3}), tb.mapOf(4, {d0, d1, d2})},
          iterators, [](OpBuilder &nb, Location loc, ValueRange args) {
            Value sum = arith::AddFOp::create(nb, loc, args[0], args[1]);
            Value t = math::TanhOp::create(nb, loc, sum);
            Value prod = arith::MulFOp::create(nb, loc, args[2], t);
            linalg::YieldOp::create(
                nb, loc,
                arith::AddFOp::create(nb, loc, args[3], prod).getResult());
          })[0];
      break;
    }
    }

    SmallVector<MaskTerm> masks;
    if (Value mask = adaptor.getMask())
      masks.push_back(
          {mask, broadcastMap(tb, mask, 3, {qShape[0], qShape[1], kShape[1]})});
    Value probs =
        maskedSoftmax(tb, scores, 1.0, masks, /*causal=*/false, polynomialExp);
    // ctx[b, i, e] = sum_j p[b, i, j] * values[b, j, e]
    Value context = tb.contract(probs, tb.mapOf(4, {d0, d1, d3}), v,
                                tb.mapOf(4, {d0, d3, d2}), {b, tq, dv}, 4, 1);
    rewriter.replaceOp(op, {context, probs});
    return success();
  }

  bool polynomialExp;
};

//===----------------------------------------------------------------------===//
// s2s.multi_head_attention
//===----------------------------------------------------------------------===//

/// The operands of s2s.multi_head_attention and of its cached form.
struct MultiHeadAttentionParts {
  /// In the op's layout; key and value null for self-attention.
  Value query, key, value;
  Value packed, wq, wk, wv, inBias, outWeight, outBias;
  Value keyPadding, attnMask;
  /// The cached form: caches [B, heads, T_max, hd] and the write position.
  Value keyCache, valueCache, pos;
  int64_t heads = 1;
  bool batchFirst = false, causal = false, needWeights = false;
};

/// Lowers an MHA: projections (one GEMM for packed self-attention), heads
/// split as views (those of a cross-attention's keys and values before the
/// loops that do not define them), the attention (tiled, or over a full
/// score tensor when the weights are wanted) and the output projection.
/// The cached form
/// writes the new keys and values into the caches and attends over their
/// valid prefix. Results: out, then the averaged weights or the caches.
static SmallVector<Value>
lowerMultiHeadAttention(OpBuilder &rewriter, Operation *op,
                        const MultiHeadAttentionParts &p,
                        const AttentionSchedule &schedule) {
  Location loc = op->getLoc();
  TensorBuilder tb(rewriter, loc);
  bool batchFirst = p.batchFirst;
  auto toBatchMajor = [&](Value v) {
    return batchFirst ? v : tb.transpose(v, {1, 0, 2});
  };
  Value query = toBatchMajor(p.query);
  bool self = !p.key || (p.key == p.query && p.value == p.query);
  // Batch and lengths may be dynamic; the embedding size is static.
  OpFoldResult b = tb.dimOf(query, 0), tq = tb.dimOf(query, 1),
               tk = self ? tq : tb.dimOf(p.key, batchFirst ? 1 : 0);
  int64_t e = TensorBuilder::shapeOf(query)[2];
  int64_t heads = p.heads, hd = e / heads;
  OpFoldResult embed = tb.size(e), numHeads = tb.size(heads),
               headSize = tb.size(hd), one = tb.size(1);
  Type elt = TensorBuilder::elementTypeOf(query);
  bool cached = static_cast<bool>(p.keyCache);

  // Rows [index*E, (index+1)*E) of a packed projection weight or bias.
  auto packedPart = [&](Value packed, int64_t index) {
    return tb.rows(packed, index * e, e);
  };
  Value packed = p.packed;
  Value bias = p.inBias;

  // [B*T, E] -> split into heads: [B, T, heads, hd], a view, which the
  // tiled attention reads in place; the other lowering, and the caches,
  // want [B, heads, T, hd].
  bool tiled = schedule.tiling && !p.needWeights;
  bool timeMajor = tiled && !cached;
  auto toHeads = [&](Value flat, OpFoldResult t) {
    Value split = tb.expand(flat, {b, t, numHeads, headSize}, {{0, 1}, {2, 3}});
    return timeMajor ? split : tb.transpose(split, {0, 2, 1, 3});
  };
  Value qh, kh, vh;
  if (packed && self) {
    // Self-attention with packed weights: one GEMM with N = 3E, then
    // the Q, K and V columns.
    Value all = tb.linear(tb.flattenLeading(query), packed, bias);
    auto columns = [&](int64_t index) {
      return toHeads(
          tb.slice(all,
                   {rewriter.getIndexAttr(0), rewriter.getIndexAttr(index * e)},
                   {tb.sizeMul(b, tq), embed}),
          tq);
    };
    qh = columns(0);
    kh = columns(1);
    vh = columns(2);
  } else {
    Value separate[3] = {p.wq, p.wk, p.wv};
    auto project = [&](Value input, int64_t index) {
      Value weight = packed ? packedPart(packed, index) : separate[index];
      Value flat =
          tb.linear(tb.flattenLeading(input), weight, packedPart(bias, index));
      Value split = tb.expand(
          flat, {tb.dimOf(input, 0), tb.dimOf(input, 1), numHeads, headSize},
          {{0, 1}, {2, 3}});
      return timeMajor ? split : tb.transpose(split, {0, 2, 1, 3});
    };
    qh = project(query, 0);
    if (!self) {
      // The keys and values of a cross-attention inside a loop that does
      // not define them (a decoder's steps over one encoded source) are
      // projected once, before the loop.
      OpBuilder::InsertionGuard guard(rewriter);
      SmallVector<Value> inputs = {p.key, p.value};
      for (Value weight : {packed, p.wk, p.wv, bias})
        if (weight)
          inputs.push_back(weight);
      if (Operation *loop = outermostInvariantLoop(op, inputs))
        rewriter.setInsertionPoint(loop);
      kh = project(toBatchMajor(p.key), 1);
      vh = project(toBatchMajor(p.value), 2);
    } else {
      kh = project(query, 1);
      vh = project(query, 2);
    }
  }

  // The cached form: the new keys and values go into the caches, and the
  // attention reads their valid prefix [0, pos + S), and that of the masks
  // (which cover the capacity).
  Value keyPadding = p.keyPadding, attnMask = p.attnMask;
  SmallVector<Value> cacheResults;
  if (cached) {
    auto [keyCache, keys] = appendToCache(tb, p.keyCache, kh, p.pos, 2);
    auto [valueCache, values] = appendToCache(tb, p.valueCache, vh, p.pos, 2);
    kh = keys;
    vh = values;
    tk = tb.dimOf(kh, 2);
    cacheResults = {keyCache, valueCache};
    auto prefix = [&](Value mask) {
      if (!mask)
        return mask;
      SmallVector<OpFoldResult> sizes = tb.sizesOf(mask);
      sizes.back() = tk;
      return tb.slice(
          mask,
          SmallVector<OpFoldResult>(sizes.size(), rewriter.getIndexAttr(0)),
          sizes);
    };
    keyPadding = prefix(keyPadding);
    attnMask = prefix(attnMask);
  }

  MLIRContext *ctx = rewriter.getContext();
  AffineExpr d0, d1, d2, d3, d4;
  bindDims(ctx, d0, d1, d2, d3, d4);
  double scale = 1.0 / std::sqrt(double(hd));
  // [B, heads, Tq, hd] (time-major: [B, Tq, heads, hd]) -> [B*Tq, E] ->
  // output projection -> [B, Tq, E].
  auto projectOut = [&](Value attn) {
    Value merged = tb.collapse(
        timeMajor ? attn : tb.transpose(attn, {0, 2, 1, 3}), {{0, 1}, {2, 3}});
    Value out = tb.expand(tb.linear(merged, p.outWeight, p.outBias),
                          {b, tq, embed}, {{0, 1}, {2}});
    return batchFirst ? out : tb.transpose(out, {1, 0, 2});
  };
  if (tiled) {
    // Masks as rank-4 views broadcasting to [B, heads, Tq, Tk].
    SmallVector<Value> masks;
    if (keyPadding)
      masks.push_back(
          tb.expand(keyPadding, {b, one, one, tk}, {{0, 1, 2}, {3}}));
    if (attnMask) {
      if (TensorBuilder::shapeOf(attnMask).size() == 3)
        masks.push_back(
            tb.expand(attnMask, {b, numHeads, tq, tk}, {{0, 1}, {2}, {3}}));
      else
        masks.push_back(asRank4(tb, attnMask));
    }
    SmallVector<Value> results = {
        projectOut(tiledAttention(rewriter, loc, qh, kh, vh, masks, scale,
                                  p.causal, *schedule.tiling, timeMajor))};
    llvm::append_range(results, cacheResults);
    return results;
  }
  Value scores =
      tb.contract(qh, tb.mapOf(5, {d0, d1, d2, d4}), kh,
                  tb.mapOf(5, {d0, d1, d3, d4}), {b, numHeads, tq, tk}, 5, 1);
  SmallVector<MaskTerm> masks;
  if (keyPadding)
    masks.push_back({keyPadding, tb.mapOf(4, {d0, d3})});
  if (attnMask) {
    if (TensorBuilder::shapeOf(attnMask).size() == 3)
      masks.push_back({attnMask, tb.mapOf(4, {d0 * heads + d1, d2, d3})});
    else
      masks.push_back({attnMask, tb.mapOf(4, {d2, d3})});
  }
  Value probs =
      maskedSoftmax(tb, scores, scale, masks, p.causal, schedule.polynomialExp);
  Value attn = tb.contract(probs, tb.mapOf(5, {d0, d1, d2, d4}), vh,
                           tb.mapOf(5, {d0, d1, d4, d3}),
                           {b, numHeads, tq, headSize}, 5, 1);
  SmallVector<Value> results = {projectOut(attn)};
  if (p.needWeights) {
    // Mean over heads: sum_h p[b, h, i, j] / heads.
    Value init = tb.filled({b, tq, tk}, elt, 0.0);
    SmallVector<utils::IteratorType> iterators(3,
                                               utils::IteratorType::parallel);
    iterators.push_back(utils::IteratorType::reduction);
    Value sum = tb.generic(
        probs, init, {tb.mapOf(4, {d0, d3, d1, d2}), tb.mapOf(4, {d0, d1, d2})},
        iterators, [](OpBuilder &nb, Location loc, ValueRange a) {
          linalg::YieldOp::create(
              nb, loc, arith::AddFOp::create(nb, loc, a[0], a[1]).getResult());
        })[0];
    Value count = tb.floatConst(elt, static_cast<double>(heads));
    results.push_back(tb.map(
        sum, {}, {b, tq, tk}, elt,
        [&](OpBuilder &nb, Location loc, ValueRange a) {
          linalg::YieldOp::create(
              nb, loc, arith::DivFOp::create(nb, loc, a[0], count).getResult());
        }));
  }
  llvm::append_range(results, cacheResults);
  return results;
}

/// The parts of both MHA ops that they share: everything but key and value
/// (MultiHeadAttentionOp) and the caches (CachedMultiHeadAttentionOp).
template <typename OpTy, typename AdaptorTy>
static MultiHeadAttentionParts sharedParts(OpTy op, AdaptorTy adaptor) {
  MultiHeadAttentionParts parts;
  parts.query = adaptor.getQuery();
  parts.packed = adaptor.getInProjWeight();
  parts.wq = adaptor.getQProjWeight();
  parts.wk = adaptor.getKProjWeight();
  parts.wv = adaptor.getVProjWeight();
  parts.inBias = adaptor.getInProjBias();
  parts.outWeight = adaptor.getOutProjWeight();
  parts.outBias = adaptor.getOutProjBias();
  parts.keyPadding = adaptor.getKeyPaddingMask();
  parts.attnMask = adaptor.getAttnMask();
  parts.heads = static_cast<int64_t>(op.getNumHeads());
  parts.batchFirst = op.getBatchFirst();
  parts.causal = op.getCausal();
  parts.needWeights = false;
  return parts;
}

static MultiHeadAttentionParts partsOf(MultiHeadAttentionOp op,
                                       MultiHeadAttentionOp::Adaptor adaptor) {
  MultiHeadAttentionParts parts = sharedParts(op, adaptor);
  parts.key = adaptor.getKey();
  parts.value = adaptor.getValue();
  parts.needWeights = op.getNeedWeights();
  return parts;
}

static MultiHeadAttentionParts
partsOf(CachedMultiHeadAttentionOp op,
        CachedMultiHeadAttentionOp::Adaptor adaptor) {
  MultiHeadAttentionParts parts = sharedParts(op, adaptor);
  parts.keyCache = adaptor.getKeyCache();
  parts.valueCache = adaptor.getValueCache();
  parts.pos = adaptor.getPos();
  return parts;
}

/// s2s.multi_head_attention and s2s.cached_multi_head_attention.
template <typename OpTy>
struct MultiHeadAttentionLowering : OpConversionPattern<OpTy> {
  MultiHeadAttentionLowering(MLIRContext *ctx,
                             const AttentionSchedule &schedule)
      : OpConversionPattern<OpTy>(ctx), schedule(schedule) {}

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    MultiHeadAttentionParts parts = partsOf(op, adaptor);
    if (schedule.tiling && parts.needWeights)
      return rewriter.notifyMatchFailure(
          op, "returns its weights, which the tiled form never holds");
    rewriter.replaceOp(op,
                       lowerMultiHeadAttention(rewriter, op, parts, schedule));
    return success();
  }

  AttentionSchedule schedule;
};

} // namespace

void mlir::s2s::populateAttentionToLinalgPatterns(RewritePatternSet &patterns,
                                                  bool polynomialExp) {
  AttentionSchedule schedule{std::nullopt, polynomialExp};
  MLIRContext *ctx = patterns.getContext();
  patterns.add<AttentionOpLowering>(ctx, polynomialExp);
  patterns.add<MultiHeadAttentionLowering<MultiHeadAttentionOp>,
               MultiHeadAttentionLowering<CachedMultiHeadAttentionOp>,
               ScaledDotProductAttentionOpLowering>(ctx, schedule);
}

//===----------------------------------------------------------------------===//
// convert-s2s-to-linalg-tiled-attention
//===----------------------------------------------------------------------===//

void mlir::s2s::populateS2SToLinalgTiledAttentionPatterns(
    RewritePatternSet &patterns,
    const ConvertS2SToLinalgTiledAttentionPassOptions &options) {
  AttentionSchedule schedule{
      AttentionBlocks{options.attentionBlockQ, options.attentionBlockK,
                      options.polynomialExp, options.attentionKeySplits},
      options.polynomialExp};
  patterns.add<MultiHeadAttentionLowering<MultiHeadAttentionOp>,
               MultiHeadAttentionLowering<CachedMultiHeadAttentionOp>,
               ScaledDotProductAttentionOpLowering>(patterns.getContext(),
                                                    schedule);
}

LogicalResult mlir::s2s::verifyConvertS2SToLinalgTiledAttentionOptions(
    const ConvertS2SToLinalgTiledAttentionPassOptions &options,
    OptionErrorFn emitError) {
  return checkLowerBounds(
      {{"attention-block-q", options.attentionBlockQ, 1},
       {"attention-block-k", options.attentionBlockK, 1},
       {"attention-key-splits", options.attentionKeySplits, 1}},
      emitError);
}

namespace {
struct ConvertS2SToLinalgTiledAttentionPass
    : s2s::impl::ConvertS2SToLinalgTiledAttentionPassBase<
          ConvertS2SToLinalgTiledAttentionPass> {
  using ConvertS2SToLinalgTiledAttentionPassBase::
      ConvertS2SToLinalgTiledAttentionPassBase;

  void runOnOperation() override {
    ConvertS2SToLinalgTiledAttentionPassOptions options{
        attentionBlockQ, attentionBlockK, attentionKeySplits, polynomialExp};
    if (failed(verifyConvertS2SToLinalgTiledAttentionOptions(
            options, [&](const Twine &message) {
              emitError(getOperation()->getLoc())
                  << getArgument() << ": " << message;
            })))
      return signalPassFailure();
    RewritePatternSet patterns(&getContext());
    populateS2SToLinalgTiledAttentionPatterns(patterns, options);
    auto selected = [](Operation *op) {
      if (auto mha = dyn_cast<MultiHeadAttentionOp>(op))
        return !mha.getNeedWeights();
      return isa<ScaledDotProductAttentionOp, CachedMultiHeadAttentionOp>(op);
    };
    if (failed(applyScheduledLowering(getOperation(), selected,
                                      std::move(patterns))))
      return signalPassFailure();
    if (!markWeights)
      TensorBuilder::stripWeightMarks(getOperation());
  }
};
} // namespace

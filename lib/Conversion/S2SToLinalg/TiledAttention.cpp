//===- TiledAttention.cpp - attention as linalg on tensors ----------------===//
//
// Masks, the masked softmax, and the tiled attention with an online
// softmax (FlashAttention, and its split-key form for decoding) that the
// attention lowerings of AttentionToLinalg.cpp build on (TiledAttention.h).
//
//===----------------------------------------------------------------------===//

#include "TiledAttention.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

#include <cmath>
#include <limits>
#include <optional>

using namespace mlir;
using namespace mlir::s2s;

//===----------------------------------------------------------------------===//
// Masks and softmax
//===----------------------------------------------------------------------===//

/// The map reading a mask that broadcasts (aligned right, size-1 dimensions
/// repeated) to a score tensor of rank `rank`.
AffineMap mlir::s2s::broadcastMap(TensorBuilder &tb, Value mask, unsigned rank,
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

/// The causal limit of a block: key j is visible to query i iff
/// kOffset + j <= qOffset + i + shift (shift = Tk - Tq of the whole op).
/// With `transposed`, the block's rows are keys and its columns queries.
struct CausalBlock {
  Value qOffset, kOffset;
  /// Tk - Tq: a constant when static, else a value defined outside the
  /// block's generic.
  OpFoldResult shift;
  bool transposed = false;
};

/// Returns scale * scores with the masks applied: an additive mask is added,
/// a false boolean mask and, with `causal`, a key after the query's
/// bottom-right aligned diagonal give -inf.
static Value maskScores(TensorBuilder &tb, Value scores, double scale,
                        ArrayRef<MaskTerm> masks,
                        std::optional<CausalBlock> causal) {
  if (scale == 1.0 && masks.empty() && !causal)
    return scores;
  SmallVector<OpFoldResult> shape = tb.sizesOf(scores);
  unsigned rank = shape.size();
  Type elt = TensorBuilder::elementTypeOf(scores);
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
  return tb.map(
      inputs, maps, shape, elt, [&](OpBuilder &b, Location loc, ValueRange a) {
        Value s = a[0];
        if (scale != 1.0)
          s = arith::MulFOp::create(b, loc, s, scaleValue);
        Value allowed;
        auto conjoin = [&](Value cond) {
          allowed =
              allowed ? arith::AndIOp::create(b, loc, allowed, cond).getResult()
                      : cond;
        };
        for (unsigned m = 0; m < isBool.size(); ++m) {
          if (isBool[m])
            conjoin(a[1 + m]);
          else
            s = arith::AddFOp::create(b, loc, s, a[1 + m]);
        }
        if (causal) {
          Value i = linalg::IndexOp::create(b, loc, rank - 2);
          Value j = linalg::IndexOp::create(b, loc, rank - 1);
          if (causal->transposed)
            std::swap(i, j);
          if (causal->qOffset)
            i = arith::AddIOp::create(b, loc, i, causal->qOffset);
          if (causal->kOffset)
            j = arith::AddIOp::create(b, loc, j, causal->kOffset);
          Value shift = getValueOrCreateConstantIndexOp(b, loc, causal->shift);
          Value limit = arith::AddIOp::create(b, loc, i, shift);
          conjoin(arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sle, j,
                                        limit));
        }
        if (allowed)
          s = arith::SelectOp::create(b, loc, allowed, s, minusInf);
        linalg::YieldOp::create(b, loc, s);
      });
}

/// maskScores followed by the softmax over the last dimension, with fully
/// masked rows zero.
Value mlir::s2s::maskedSoftmax(TensorBuilder &tb, Value scores, double scale,
                               ArrayRef<MaskTerm> masks, bool causal,
                               bool polynomialExp) {
  std::optional<CausalBlock> block;
  if (causal) {
    int64_t rank = TensorBuilder::shapeOf(scores).size();
    block = CausalBlock{
        nullptr, nullptr,
        tb.sizeSub(tb.dimOf(scores, rank - 1), tb.dimOf(scores, rank - 2))};
  }
  return tb.softmaxLast(maskScores(tb, scores, scale, masks, block),
                        polynomialExp);
}

//===----------------------------------------------------------------------===//
// Tiled attention with an online softmax
//===----------------------------------------------------------------------===//

namespace {
/// The lanes of a one-query block's softmax reductions (partial maxima and
/// sums): one 512-bit vector of f32, two 256-bit or four 128-bit ones.
constexpr int64_t kSoftmaxLanes = 16;

/// A length split into blocks: `full` elements in blocks of `block` (at
/// most the length when it is static), then a shorter last block of
/// `tail`; each static when the length is.
struct Blocks {
  int64_t block;
  OpFoldResult full, tail;
};
} // namespace

static Blocks splitIntoBlocks(TensorBuilder &tb, OpFoldResult length,
                              int64_t block) {
  if (std::optional<int64_t> staticLength = getConstantIntValue(length))
    block = std::min(block, *staticLength);
  OpFoldResult full =
      tb.sizeMul(tb.sizeFloorDiv(length, tb.size(block)), tb.size(block));
  return {block, full, tb.sizeSub(length, full)};
}

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
Value mlir::s2s::tiledAttention(OpBuilder &builder, Location loc, Value q,
                                Value k, Value v, ArrayRef<Value> masks,
                                double scale, bool causal,
                                AttentionBlocks blocks, bool timeMajor) {
  TensorBuilder tb(builder, loc);
  ArrayRef<int64_t> qShape = TensorBuilder::shapeOf(q);
  ArrayRef<int64_t> kShape = TensorBuilder::shapeOf(k);
  // The positions of the head and time dimensions.
  unsigned hDim = timeMajor ? 2 : 1, tDim = timeMajor ? 1 : 2;
  // Batch and lengths may be dynamic; heads and head sizes are static.
  OpFoldResult numB = tb.dimOf(q, 0), tq = tb.dimOf(q, tDim),
               tk = tb.dimOf(k, tDim);
  int64_t numH = qShape[hDim], d = qShape[3];
  int64_t hkv = kShape[hDim];
  int64_t dv = TensorBuilder::shapeOf(v)[3];
  Type elt = TensorBuilder::elementTypeOf(q);
  OpFoldResult heads = tb.size(numH), valueSize = tb.size(dv);
  SmallVector<OpFoldResult> outShape =
      timeMajor ? SmallVector<OpFoldResult>{numB, tq, heads, valueSize}
                : SmallVector<OpFoldResult>{numB, heads, tq, valueSize};
  // Zero-size shapes known at compile time: no block to visit. Without
  // keys every query sees only masked keys, whose output is zero. (At run
  // time, a dynamic size of zero gives loops without iterations.)
  auto isZero = [](OpFoldResult size) { return isConstantIntValue(size, 0); };
  if (isZero(numB) || numH == 0 || isZero(tq) || dv == 0)
    return tb.empty(outShape, elt);
  if (isZero(tk))
    return tb.filled(outShape, elt, 0.0);
  // The [rows, D] block of `source` at (batch, head, row offset).
  auto block = [&](TensorBuilder &t, Value source, Value bIv, Value head,
                   Value off, OpFoldResult rows, int64_t cols) {
    OpFoldResult zero = t.builder().getIndexAttr(0), one = t.size(1);
    if (timeMajor)
      return t.slice(source, {bIv, off, head, zero},
                     {one, rows, one, t.size(cols)}, {0, 2});
    return t.slice(source, {bIv, head, off, zero},
                   {one, one, rows, t.size(cols)}, {0, 1});
  };
  // With no query heads (H = 0) the result is empty: any group will do.
  int64_t group = std::max<int64_t>(numH / hkv, 1);
  // The key/value head of query head `head` (grouped-query attention).
  auto kvHeadOf = [&](OpBuilder &b, Value head) -> Value {
    if (group == 1)
      return head;
    return arith::DivUIOp::create(
        b, loc, head, arith::ConstantIndexOp::create(b, loc, group));
  };
  MLIRContext *ctx = builder.getContext();
  AffineExpr r, c;
  bindDims(ctx, r, c);
  Value zeroIdx = tb.indexConst(0);
  // Tk - Tq, the shift of the bottom-right aligned causal diagonal.
  OpFoldResult causalShift = causal ? tb.sizeSub(tk, tq) : OpFoldResult();

  // One (query block, key block) step of the online softmax for head
  // (bIv, hIv): returns the new (m, l, acc). The scores are computed
  // transposed, s^T [bk, bq] = K_block (scale Q_block)^T, from the
  // transposed, scaled query block qT [D, bq]: both contractions then run
  // along contiguous query columns (no horizontal sums over D), and the
  // softmax reductions over keys are columnwise, vectorized over queries.
  auto step = [&](TensorBuilder &t, Value bIv, Value hIv, Value kvHead,
                  Value qT, Value qOff, OpFoldResult bq, Value kOff,
                  OpFoldResult bk, ValueRange state) -> SmallVector<Value> {
    OpBuilder &b = t.builder();
    Value kBlock = block(t, k, bIv, kvHead, kOff, bk, d);
    Value vBlock = block(t, v, bIv, kvHead, kOff, bk, dv);
    AffineExpr i, j, e;
    bindDims(ctx, i, j, e);
    // With one query, qT is the scaled query row [1, D] (transposedQuery):
    // the scores are then bk dot products along D, contiguous in both
    // operands, where the transposed form would give the contraction a
    // single column to vectorize over.
    AffineMap qMap =
        isConstantIntValue(bq, 1) ? t.mapOf(3, {j, e}) : t.mapOf(3, {e, j});
    Value scores =
        t.contract(kBlock, t.mapOf(3, {i, e}), qT, qMap, {bk, bq}, 3, 1);
    // The masks of this block: slices of the broadcast masks (a static 1
    // broadcasts; a dynamic size is taken to be the full one).
    SmallVector<MaskTerm> terms;
    for (Value mask : masks) {
      ArrayRef<int64_t> ms = TensorBuilder::shapeOf(mask);
      SmallVector<OpFoldResult> offsets = {
          ms[0] == 1 ? OpFoldResult(b.getIndexAttr(0)) : OpFoldResult(bIv),
          ms[1] == 1 ? OpFoldResult(b.getIndexAttr(0)) : OpFoldResult(hIv),
          ms[2] == 1 ? OpFoldResult(b.getIndexAttr(0)) : OpFoldResult(qOff),
          ms[3] == 1 ? OpFoldResult(b.getIndexAttr(0)) : OpFoldResult(kOff)};
      OpFoldResult one = t.size(1);
      OpFoldResult mq = ms[2] == 1 ? one : bq, mk = ms[3] == 1 ? one : bk;
      Value slice = t.slice(mask, offsets, {one, one, mq, mk}, {0, 1});
      AffineExpr zero = getAffineConstantExpr(0, ctx);
      // Rows of the block are keys (r), columns queries (c).
      terms.push_back(
          {slice, t.mapOf(2, {ms[2] == 1 ? zero : c, ms[3] == 1 ? zero : r})});
    }
    std::optional<CausalBlock> causalBlock;
    if (causal)
      causalBlock = CausalBlock{qOff, kOff, causalShift, /*transposed=*/true};
    // The scale is already in qT.
    Value s = maskScores(t, scores, 1.0, terms, causalBlock);

    Value m = state[0], l = state[1], acc = state[2];
    Value minusInf = t.negInf(elt);
    Value zero = t.floatConst(elt, 0.0);
    AffineMap id = t.identityMap(2), rowMap = t.mapOf(2, {r}),
              colMap = t.mapOf(2, {c});
    // The block's maximum per query, as x > a ? x : a: one vector max
    // instruction, where arith.maximumf must also order NaNs and signed
    // zeros. A NaN score is not lost: its exponential below is NaN.
    auto greaterOf = [](OpBuilder &nb, Location nl, Value x, Value a) -> Value {
      Value greater =
          arith::CmpFOp::create(nb, nl, arith::CmpFPredicate::OGT, x, a);
      return arith::SelectOp::create(nb, nl, greater, x, a);
    };
    // With one query, the key column s [bk, 1] has no query dimension to
    // vectorize the softmax over, and the reductions over keys would run
    // one key at a time (a float reduction, which LLVM keeps in order).
    // When bk is a multiple of the lanes, the column is seen as
    // [bk / lanes, lanes] instead: the exponentials and the partial maxima
    // and sums run along the lanes, and only the last `lanes` partials
    // are reduced one by one.
    std::optional<int64_t> staticKeys = getConstantIntValue(bk);
    bool laneForm = isConstantIntValue(bq, 1) && staticKeys &&
                    *staticKeys > kSoftmaxLanes &&
                    *staticKeys % kSoftmaxLanes == 0;
    Value sLanes;
    if (laneForm)
      sLanes = t.expand(t.collapse(s, {{0, 1}}),
                        {*staticKeys / kSoftmaxLanes, kSoftmaxLanes}, {{0, 1}});
    // The partials along the lanes [lanes], as a column [lanes, 1] reduced
    // to the one query's value [1].
    auto acrossLanes =
        [&](Value partials, double init,
            function_ref<Value(OpBuilder &, Location, Value, Value)> combine) {
          return t.reduceFirst(t.expand(partials, {kSoftmaxLanes, 1}, {{0, 1}}),
                               init, combine);
        };
    double lowest = -std::numeric_limits<double>::infinity();
    Value blockMax = laneForm
                         ? acrossLanes(t.reduceFirst(sLanes, lowest, greaterOf),
                                       lowest, greaterOf)
                         : t.reduceFirst(s, lowest, greaterOf);
    // The running state is updated in place (each generic writes the state
    // it reads, elementwise), so the loop carries the same buffers from
    // block to block.
    // m' = max(m, max_j s), the shift of the exponentials (m', or 0 while
    // every key seen is masked: -inf - shift stays -inf, whose exponential
    // is 0) and alpha = exp(m - shift) (0 while nothing has been seen), in
    // one pass over m.
    AffineMap id1 = t.identityMap(1);
    SmallVector<OpFoldResult> rowSizes = {bq};
    // (The state is read through the generics' outputs: an output the
    // body does not read would be replaced by a fresh tensor.)
    SmallVector<Value> mAlpha = t.generic(
        {blockMax}, {m, t.empty(rowSizes, elt), t.empty(rowSizes, elt)},
        {id1, id1, id1, id1}, {utils::IteratorType::parallel},
        [&](OpBuilder &nb, Location nl, ValueRange a) {
          Value mNew = arith::MaximumFOp::create(nb, nl, a[1], a[0]);
          Value none = arith::CmpFOp::create(nb, nl, arith::CmpFPredicate::OEQ,
                                             mNew, minusInf);
          Value shift = arith::SelectOp::create(nb, nl, none, zero, mNew);
          Value alpha = TensorBuilder::expNonPositive(
              nb, nl, arith::SubFOp::create(nb, nl, a[1], shift),
              blocks.polynomialExp);
          linalg::YieldOp::create(nb, nl, ValueRange{mNew, alpha, shift});
        });
    Value mNew = mAlpha[0], alpha = mAlpha[1], shift = mAlpha[2];
    // p = exp(s - shift), exactly 0 where s is -inf (transposed: [bk, bq]),
    // and its column sums over the keys, in one pass over s.
    auto expAndSum = [&](OpBuilder &nb, Location nl, ValueRange a) {
      Value e = TensorBuilder::expNonPositive(
          nb, nl, arith::SubFOp::create(nb, nl, a[0], a[1]),
          blocks.polynomialExp);
      linalg::YieldOp::create(
          nb, nl, ValueRange{e, arith::AddFOp::create(nb, nl, a[3], e)});
    };
    SmallVector<utils::IteratorType> reduceRows = {
        utils::IteratorType::reduction, utils::IteratorType::parallel};
    Value p, pSum;
    if (laneForm) {
      // The one query's shift is read at every lane.
      SmallVector<Value> pAndSum = t.generic(
          {sLanes, shift},
          {t.empty(TensorBuilder::shapeOf(sLanes), elt),
           t.filled(ArrayRef<int64_t>{kSoftmaxLanes}, elt, 0.0)},
          {id, t.mapOf(2, {getAffineConstantExpr(0, ctx)}), id, colMap},
          reduceRows, expAndSum);
      p = t.expand(t.collapse(pAndSum[0], {{0, 1}}), {*staticKeys, 1},
                   {{0, 1}});
      pSum = acrossLanes(
          pAndSum[1], 0.0, [](OpBuilder &nb, Location nl, Value x, Value a) {
            return arith::AddFOp::create(nb, nl, a, x).getResult();
          });
    } else {
      SmallVector<Value> pAndSum = t.generic(
          {s, shift}, {t.empty({bk, bq}, elt), t.filled(rowSizes, elt, 0.0)},
          {id, colMap, id, colMap}, reduceRows, expAndSum);
      p = pAndSum[0];
      pSum = pAndSum[1];
    }
    // l' = alpha * l + sum_j p
    Value lNew = t.generic(
        {alpha, pSum}, {l}, {id1, id1, id1}, {utils::IteratorType::parallel},
        [](OpBuilder &nb, Location nl, ValueRange a) {
          Value scaled = arith::MulFOp::create(nb, nl, a[2], a[0]);
          linalg::YieldOp::create(
              nb, nl, arith::AddFOp::create(nb, nl, scaled, a[1]).getResult());
        })[0];
    // acc' = alpha * acc + p v
    SmallVector<utils::IteratorType> par2(2, utils::IteratorType::parallel);
    Value rescaled = t.generic(
        {alpha}, {acc}, {rowMap, id}, par2,
        [](OpBuilder &nb, Location nl, ValueRange a) {
          linalg::YieldOp::create(
              nb, nl, arith::MulFOp::create(nb, nl, a[1], a[0]).getResult());
        })[0];
    Value accNew = t.contractInto(p, t.mapOf(3, {e, i}), vBlock,
                                  t.mapOf(3, {e, j}), rescaled, 3, 1);
    return {mNew, lNew, accNew};
  };

  // Key blocks of `bk` keys, the last `keysTail` keys (tk - keysFull) in a
  // shorter block.
  auto [bk, keysFull, keysTail] = splitIntoBlocks(tb, tk, blocks.keys);

  // qT = (scale * q_block)^T: [D, bq], once per query block; for a block
  // of one query (a decoding step), the row scale * q_block [1, D] itself.
  auto transposedQuery = [&](TensorBuilder &t, Value bIv, Value hIv, Value qOff,
                             OpFoldResult bq) -> Value {
    Value qBlock = block(t, q, bIv, hIv, qOff, bq, d);
    Value scaleValue = t.floatConst(elt, scale);
    bool oneQuery = isConstantIntValue(bq, 1);
    return t.map(
        {qBlock}, {oneQuery ? t.mapOf(2, {r, c}) : t.mapOf(2, {c, r})},
        oneQuery ? SmallVector<OpFoldResult>{bq, t.size(d)}
                 : SmallVector<OpFoldResult>{t.size(d), bq},
        elt, [&](OpBuilder &nb, Location nl, ValueRange a) {
          linalg::YieldOp::create(
              nb, nl,
              arith::MulFOp::create(nb, nl, a[0], scaleValue).getResult());
        });
  };
  // The state (m, l, acc) before the first key: -inf, 0, 0.
  auto initialState = [&](TensorBuilder &t,
                          OpFoldResult bq) -> SmallVector<Value> {
    SmallVector<OpFoldResult> rowSizes = {bq};
    return {t.fill(t.empty(rowSizes, elt), t.negInf(elt)),
            t.filled(rowSizes, elt, 0.0), t.filled({bq, t.size(dv)}, elt, 0.0)};
  };

  // compute(builder, rows) for a block of `rows` queries, whose results
  // have `rows` as dimension 0. A dynamic number of queries, which is one in
  // a decoding step, gets that case as a branch of its own, taken at run
  // time, in which rows is the static 1 (the row form of transposedQuery).
  using RowsFn =
      function_ref<SmallVector<Value>(OpBuilder &, OpFoldResult rows)>;
  auto forRows = [&](OpBuilder &b, OpFoldResult rows,
                     RowsFn compute) -> SmallVector<Value> {
    if (getConstantIntValue(rows))
      return compute(b, rows);
    Value isOne =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                              getValueOrCreateConstantIndexOp(b, loc, rows),
                              arith::ConstantIndexOp::create(b, loc, 1));
    auto ifOp = scf::IfOp::create(
        b, loc, isOne,
        [&](OpBuilder &nb, Location nl) {
          SmallVector<Value> results;
          for (Value result : compute(nb, nb.getIndexAttr(1))) {
            auto type = cast<RankedTensorType>(result.getType());
            SmallVector<int64_t> shape(type.getShape());
            shape[0] = ShapedType::kDynamic;
            results.push_back(
                tensor::CastOp::create(nb, nl, type.clone(shape), result));
          }
          scf::YieldOp::create(nb, nl, results);
        },
        [&](OpBuilder &nb, Location nl) {
          scf::YieldOp::create(nb, nl, compute(nb, rows));
        });
    return SmallVector<Value>(ifOp.getResults());
  };

  // The state after the whole key blocks of `bk` keys at [begin, end) (a
  // multiple of bk apart), one step per block.
  auto wholeKeyBlocks = [&](OpBuilder &b, Value bIv, Value hIv, Value kvHead,
                            Value qT, Value qOff, OpFoldResult bq, Value begin,
                            Value end, ValueRange state) -> SmallVector<Value> {
    auto loop = scf::ForOp::create(
        b, loc, begin, end, arith::ConstantIndexOp::create(b, loc, bk), state,
        [&](OpBuilder &nb, Location nl, Value kOff, ValueRange args) {
          TensorBuilder inner(nb, nl);
          inner.useFreshBuffers();
          scf::YieldOp::create(nb, nl,
                               step(inner, bIv, hIv, kvHead, qT, qOff, bq, kOff,
                                    inner.size(bk), args));
        });
    return SmallVector<Value>(loop.getResults());
  };
  // The state after the key block [kOff, kOff + size) where `cond` holds.
  auto keyBlockIf = [&](OpBuilder &b, Value cond, Value bIv, Value hIv,
                        Value kvHead, Value qT, Value qOff, OpFoldResult bq,
                        Value kOff, OpFoldResult size,
                        ValueRange state) -> SmallVector<Value> {
    auto ifOp = scf::IfOp::create(
        b, loc, cond,
        [&](OpBuilder &nb, Location nl) {
          TensorBuilder inner(nb, nl);
          inner.useFreshBuffers();
          scf::YieldOp::create(
              nb, nl,
              step(inner, bIv, hIv, kvHead, qT, qOff, bq, kOff, size, state));
        },
        [&](OpBuilder &nb, Location nl) {
          scf::YieldOp::create(nb, nl, state);
        });
    return SmallVector<Value>(ifOp.getResults());
  };

  // All key blocks for one query block; returns the normalized output
  // [bq, Dv].
  auto queryBlock = [&](TensorBuilder &t, Value bIv, Value hIv, Value kvHead,
                        Value qOff, OpFoldResult bq) -> Value {
    OpBuilder &b = t.builder();
    Value qT = transposedQuery(t, bIv, hIv, qOff, bq);
    SmallVector<Value> state = initialState(t, bq);
    std::optional<int64_t> staticFull = getConstantIntValue(keysFull);
    std::optional<int64_t> staticTail = getConstantIntValue(keysTail);
    // With causal, the keys after this block's last visible one,
    // qOff + bq - 1 + (Tk - Tq), are never visited.
    Value keysEnd = t.indexValue(keysFull);
    Value visibleEnd;
    if (causal) {
      // visibleEnd = clamp(qOff + bq + Tk - Tq, 0, Tk)
      Value end = arith::AddIOp::create(
          b, loc, qOff, t.indexValue(t.sizeAdd(bq, causalShift)));
      end = arith::MaxSIOp::create(b, loc, end, zeroIdx);
      visibleEnd = arith::MinSIOp::create(b, loc, end, t.indexValue(tk));
      // Round up to whole blocks, but not past the full blocks.
      Value blocksUp =
          arith::CeilDivSIOp::create(b, loc, visibleEnd, t.indexConst(bk));
      Value upTo = arith::MulIOp::create(b, loc, blocksUp, t.indexConst(bk));
      keysEnd = arith::MinSIOp::create(b, loc, upTo, keysEnd);
    }
    if (!staticFull || *staticFull > 0)
      state = wholeKeyBlocks(b, bIv, hIv, kvHead, qT, qOff, bq, zeroIdx,
                             keysEnd, state);
    if (!staticTail || *staticTail > 0) {
      Value kOff = t.indexValue(keysFull);
      if (!causal && staticTail) {
        state = step(t, bIv, hIv, kvHead, qT, qOff, bq, kOff, keysTail, state);
      } else {
        // The last, shorter key block only when it has keys (a dynamic
        // length) and, with causal, some of them are visible.
        Value visible =
            causal ? arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt,
                                           visibleEnd, kOff)
                   : arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt,
                                           t.indexValue(tk), kOff);
        state = keyBlockIf(b, visible, bIv, hIv, kvHead, qT, qOff, bq, kOff,
                           keysTail, state);
      }
    }
    // out = acc / l, and 0 for a row that saw no visible key (l = 0).
    return t.divideRowsOrZero(state[2], state[1]);
  };

  // Independent (batch, head, query block) triples: an scf.forall, which
  // the pipeline runs on threads or as a loop nest. The full query blocks
  // first, then the shorter last block of every head.
  auto [bq, queriesFull, queriesTail] = splitIntoBlocks(tb, tq, blocks.queries);
  auto allQueryBlocks = [&]() -> Value {
    Value out = tb.empty(outShape, elt);
    auto forEachBlock = [&](Value dest, OpFoldResult qBegin, OpFoldResult qEnd,
                            OpFoldResult rows) -> Value {
      OpBuilder &b = builder;
      // A dynamic last block may be empty: step over it by at least 1.
      OpFoldResult qStep = rows;
      if (!getConstantIntValue(rows))
        qStep = arith::MaxSIOp::create(b, loc, tb.indexValue(rows),
                                       tb.indexConst(1))
                    .getResult();
      SmallVector<OpFoldResult> lbs = {b.getIndexAttr(0), b.getIndexAttr(0),
                                       qBegin};
      SmallVector<OpFoldResult> ubs = {numB, b.getIndexAttr(numH), qEnd};
      SmallVector<OpFoldResult> steps = {b.getIndexAttr(1), b.getIndexAttr(1),
                                         qStep};
      auto forall = scf::ForallOp::create(b, loc, lbs, ubs, steps,
                                          ValueRange{dest}, std::nullopt);
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPoint(forall.getTerminator());
      SmallVector<Value> ivs = forall.getInductionVars();
      Value bIv = ivs[0], hIv = ivs[1], qOff = ivs[2];
      Value kvHead = kvHeadOf(b, hIv);
      // Each block's temporaries and running state in buffers of their own
      // (see useFreshBuffers): the loop over key blocks then updates its
      // state in place instead of copying it.
      Value o = forRows(b, rows, [&](OpBuilder &nb, OpFoldResult r) {
        TensorBuilder t(nb, loc);
        t.useFreshBuffers();
        return SmallVector<Value>{queryBlock(t, bIv, hIv, kvHead, qOff, r)};
      })[0];
      b.setInsertionPointToStart(forall.getTerminator().getBody());
      OpFoldResult one = b.getIndexAttr(1);
      SmallVector<OpFoldResult> offsets = {bIv, hIv, qOff, b.getIndexAttr(0)};
      SmallVector<OpFoldResult> sizes = {one, one, rows, b.getIndexAttr(dv)};
      if (timeMajor) {
        std::swap(offsets[1], offsets[2]);
        std::swap(sizes[1], sizes[2]);
      }
      tensor::ParallelInsertSliceOp::create(
          b, loc, o, forall.getRegionIterArgs()[0], offsets, sizes,
          ArrayRef<OpFoldResult>{one, one, one, one});
      return forall.getResult(0);
    };
    std::optional<int64_t> staticQFull = getConstantIntValue(queriesFull);
    std::optional<int64_t> staticQTail = getConstantIntValue(queriesTail);
    if (!staticQFull || *staticQFull > 0)
      out = forEachBlock(out, tb.size(0), queriesFull, tb.size(bq));
    if (!staticQTail || *staticQTail > 0)
      out = forEachBlock(out, queriesFull, tq, queriesTail);
    return out;
  };

  // Decoding (a few queries against many keys): with fewer (batch, head,
  // query block) triples than `keySplits`, the keys of each are split too
  // (flash-decoding), so that the threads share one head's keys. Only where
  // the queries may fit one block; the choice is made at run time.
  std::optional<int64_t> staticTq = getConstantIntValue(tq);
  if (blocks.keySplits <= 1 || (staticTq && *staticTq > bq))
    return allQueryBlocks();
  OpBuilder &b = builder;
  Value one = tb.indexConst(1);
  auto ceilDiv = [&](Value x, Value y) -> Value {
    return arith::CeilDivUIOp::create(b, loc, x, y);
  };
  auto umax = [&](Value x, Value y) -> Value {
    return arith::MaxUIOp::create(b, loc, x, y);
  };
  auto umin = [&](Value x, Value y) -> Value {
    return arith::MinUIOp::create(b, loc, x, y);
  };
  Value bqValue = tb.indexConst(bq), bkValue = tb.indexConst(bk);
  Value tqValue = tb.indexValue(tq), tkValue = tb.indexValue(tk);
  Value units =
      arith::MulIOp::create(b, loc, tb.indexValue(tb.sizeMul(numB, heads)),
                            ceilDiv(tqValue, bqValue));
  Value keyBlocks = ceilDiv(tkValue, bkValue);
  // splits = min(ceil(keySplits / units), key blocks), as chunks of whole
  // key blocks.
  Value wanted = umin(
      ceilDiv(tb.indexConst(blocks.keySplits), umax(units, one)), keyBlocks);
  Value chunkBlocks = umax(ceilDiv(keyBlocks, umax(wanted, one)), one);
  Value chunk = arith::MulIOp::create(b, loc, chunkBlocks, bkValue);
  Value numSplits = ceilDiv(tkValue, chunk);
  Value split =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ugt, numSplits, one);
  SmallVector<int64_t> staticOut;
  for (OpFoldResult size : outShape)
    staticOut.push_back(
        getConstantIntValue(size).value_or(ShapedType::kDynamic));
  Type outType = RankedTensorType::get(staticOut, elt);

  // The keys of (batch, head, query block) in `numSplits` chunks of `chunk`
  // keys: the online-softmax state of each chunk, then the chunks combined
  // (m = max_s m_s, w_s = exp(m_s - m), out = sum_s w_s acc_s / sum_s w_s
  // l_s).
  auto splitKeys = [&]() -> Value {
    OpFoldResult splits = numSplits;
    SmallVector<OpFoldResult> partShape = {numB, heads, tq, splits};
    SmallVector<OpFoldResult> accShape = {numB, heads, tq, splits, valueSize};
    // Buffers of their own (not one empty tensor CSE'd into both).
    TensorBuilder fresh(b, loc);
    fresh.useFreshBuffers();
    Value mPart = fresh.empty(partShape, elt);
    Value lPart = fresh.empty(partShape, elt);
    Value accPart = fresh.empty(accShape, elt);
    Value zeroI = tb.indexConst(0);
    auto forall = scf::ForallOp::create(
        b, loc,
        SmallVector<OpFoldResult>{b.getIndexAttr(0), b.getIndexAttr(0),
                                  b.getIndexAttr(0), b.getIndexAttr(0)},
        SmallVector<OpFoldResult>{numB, heads, tq, splits},
        SmallVector<OpFoldResult>{b.getIndexAttr(1), b.getIndexAttr(1),
                                  b.getIndexAttr(bq), b.getIndexAttr(1)},
        ValueRange{mPart, lPart, accPart}, std::nullopt);
    {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPoint(forall.getTerminator());
      SmallVector<Value> ivs = forall.getInductionVars();
      Value bIv = ivs[0], hIv = ivs[1], qOff = ivs[2], sIv = ivs[3];
      Value kvHead = kvHeadOf(b, hIv);
      TensorBuilder t(b, loc);
      t.useFreshBuffers();
      // The queries of this block: all of them when they fit one block
      // (statically: a decoding step's single query gets the row form of
      // transposedQuery).
      OpFoldResult rows =
          staticTq && *staticTq <= bq
              ? OpFoldResult(b.getIndexAttr(*staticTq))
              : OpFoldResult(umin(
                    bqValue, arith::SubIOp::create(b, loc, tqValue, qOff)));
      Value kBegin = arith::MulIOp::create(b, loc, sIv, chunk);
      Value kEnd = umin(arith::AddIOp::create(b, loc, kBegin, chunk), tkValue);
      if (causal) {
        // Keys after the block's last visible one, qOff + rows + Tk - Tq,
        // are not visited.
        Value visible = arith::AddIOp::create(
            b, loc, arith::AddIOp::create(b, loc, qOff, t.indexValue(rows)),
            t.indexValue(causalShift));
        visible = arith::MaxSIOp::create(b, loc, visible, zeroI);
        kEnd = umax(umin(kEnd, visible), kBegin);
      }
      // Whole key blocks, then a shorter last one.
      Value fullEnd = arith::AddIOp::create(
          b, loc, kBegin,
          arith::MulIOp::create(
              b, loc,
              arith::DivUIOp::create(
                  b, loc, arith::SubIOp::create(b, loc, kEnd, kBegin), bkValue),
              bkValue));
      Value tail = arith::SubIOp::create(b, loc, kEnd, fullEnd);
      Value hasTail =
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ugt, tail, zeroI);
      SmallVector<Value> state =
          forRows(b, rows, [&](OpBuilder &nb, OpFoldResult r) {
            TensorBuilder t(nb, loc);
            t.useFreshBuffers();
            Value qT = transposedQuery(t, bIv, hIv, qOff, r);
            SmallVector<Value> st = initialState(t, r);
            st = wholeKeyBlocks(nb, bIv, hIv, kvHead, qT, qOff, r, kBegin,
                                fullEnd, st);
            return keyBlockIf(nb, hasTail, bIv, hIv, kvHead, qT, qOff, r,
                              fullEnd, tail, st);
          });
      b.setInsertionPointToStart(forall.getTerminator().getBody());
      OpFoldResult unit = b.getIndexAttr(1), zeroAttr = b.getIndexAttr(0);
      OpFoldResult rowsSize = rows;
      ValueRange shared = forall.getRegionIterArgs();
      for (int i = 0; i < 2; ++i)
        tensor::ParallelInsertSliceOp::create(
            b, loc, state[i], shared[i],
            ArrayRef<OpFoldResult>{bIv, hIv, qOff, sIv},
            ArrayRef<OpFoldResult>{unit, unit, rowsSize, unit},
            ArrayRef<OpFoldResult>{unit, unit, unit, unit});
      tensor::ParallelInsertSliceOp::create(
          b, loc, state[2], shared[2],
          ArrayRef<OpFoldResult>{bIv, hIv, qOff, sIv, zeroAttr},
          ArrayRef<OpFoldResult>{unit, unit, rowsSize, unit, valueSize},
          ArrayRef<OpFoldResult>{unit, unit, unit, unit, unit});
    }
    mPart = forall.getResult(0);
    lPart = forall.getResult(1);
    accPart = forall.getResult(2);

    // The combination, over [B, H, Tq(, Dv)] with the splits reduced.
    AffineExpr i0, i1, i2, i3, i4;
    bindDims(ctx, i0, i1, i2, i3, i4);
    using utils::IteratorType;
    IteratorType par = IteratorType::parallel, red = IteratorType::reduction;
    SmallVector<OpFoldResult> rowShape = {numB, heads, tq};
    Value mMax = tb.generic(
        {mPart}, {tb.fill(tb.empty(rowShape, elt), tb.negInf(elt))},
        {tb.mapOf(4, {i0, i1, i2, i3}), tb.mapOf(4, {i0, i1, i2})},
        {par, par, par, red}, [](OpBuilder &nb, Location nl, ValueRange a) {
          Value greater = arith::CmpFOp::create(
              nb, nl, arith::CmpFPredicate::OGT, a[0], a[1]);
          linalg::YieldOp::create(
              nb, nl,
              arith::SelectOp::create(nb, nl, greater, a[0], a[1]).getResult());
        })[0];
    Value shift = tb.safeShift(mMax);
    // w = exp(m_s - shift): 0 for a chunk that saw no visible key.
    Value w =
        tb.map({mPart, shift},
               {tb.mapOf(4, {i0, i1, i2, i3}), tb.mapOf(4, {i0, i1, i2})},
               partShape, elt, [&](OpBuilder &nb, Location nl, ValueRange a) {
                 linalg::YieldOp::create(
                     nb, nl,
                     TensorBuilder::expNonPositive(
                         nb, nl, arith::SubFOp::create(nb, nl, a[0], a[1]),
                         blocks.polynomialExp));
               });
    // The results in the output's layout: [B, H, Tq] or, time-major,
    // [B, Tq, H].
    AffineMap rowOut =
        timeMajor ? tb.mapOf(4, {i0, i2, i1}) : tb.mapOf(4, {i0, i1, i2});
    SmallVector<OpFoldResult> rowOutShape =
        timeMajor ? SmallVector<OpFoldResult>{numB, tq, heads} : rowShape;
    auto multiplyAdd = [](OpBuilder &nb, Location nl, ValueRange a) {
      Value product = arith::MulFOp::create(nb, nl, a[0], a[1]);
      linalg::YieldOp::create(
          nb, nl, arith::AddFOp::create(nb, nl, a[2], product).getResult());
    };
    Value lSum = tb.generic(
        {w, lPart}, {tb.filled(rowOutShape, elt, 0.0)},
        {tb.mapOf(4, {i0, i1, i2, i3}), tb.mapOf(4, {i0, i1, i2, i3}), rowOut},
        {par, par, par, red}, multiplyAdd)[0];
    // Loops (b, h, i, e, s).
    AffineMap accOut = timeMajor ? tb.mapOf(5, {i0, i2, i1, i3})
                                 : tb.mapOf(5, {i0, i1, i2, i3});
    Value accSum = tb.generic({w, accPart}, {tb.filled(outShape, elt, 0.0)},
                              {tb.mapOf(5, {i0, i1, i2, i4}),
                               tb.mapOf(5, {i0, i1, i2, i4, i3}), accOut},
                              {par, par, par, par, red}, multiplyAdd)[0];
    return tb.divideRowsOrZero(accSum, lSum);
  };

  auto ifOp = scf::IfOp::create(
      b, loc, split,
      [&](OpBuilder &nb, Location nl) {
        Value r = splitKeys();
        if (r.getType() != outType)
          r = tensor::CastOp::create(nb, nl, outType, r);
        scf::YieldOp::create(nb, nl, r);
      },
      [&](OpBuilder &nb, Location nl) {
        Value r = allQueryBlocks();
        if (r.getType() != outType)
          r = tensor::CastOp::create(nb, nl, outType, r);
        scf::YieldOp::create(nb, nl, r);
      });
  return ifOp.getResult(0);
}

//===- S2SToLinalg.cpp - lower s2s ops to linalg on tensors ---------------===//
//
// The convert-s2s-to-linalg pass, the driver of the passes that lower some
// ops with a schedule first (applyScheduledLowering), and the lowering of the
// building-block ops (s2s.linear, s2s.layer_norm, s2s.embedding, s2s.argmax)
// and of the decoding ops (s2s.log_softmax, s2s.top_k, s2s.index_select).
// The recurrent and attention ops are lowered in RecurrentToLinalg.cpp and
// AttentionToLinalg.cpp, which also define the scheduled passes.
//
//===----------------------------------------------------------------------===//

#include "s2s/Conversion/S2SToLinalg/S2SToLinalg.h"

#include "Patterns.h"
#include "TensorBuilder.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Transforms/DialectConversion.h"
#include "s2s/Dialect/S2S/IR/S2SDialect.h"
#include "s2s/Dialect/S2S/IR/S2SOps.h"
#include "llvm/ADT/TypeSwitch.h"

#include <limits>

namespace mlir {
namespace s2s {
#define GEN_PASS_DEF_CONVERTS2STOLINALGPASS
#include "s2s/Conversion/Passes.h.inc"
} // namespace s2s
} // namespace mlir

using namespace mlir;
using namespace mlir::s2s;

namespace {

//===----------------------------------------------------------------------===//
// s2s.linear
//===----------------------------------------------------------------------===//

struct LinearOpLowering : OpConversionPattern<LinearOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(LinearOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    TensorBuilder tb(rewriter, op.getLoc());
    SmallVector<OpFoldResult> sizes = tb.sizesOf(adaptor.getInput());
    sizes.back() = tb.dimOf(adaptor.getWeight(), 0);
    Value flat = tb.linear(tb.flattenLeading(adaptor.getInput()),
                           adaptor.getWeight(), adaptor.getBias());
    rewriter.replaceOp(op, tb.unflattenLeading(flat, sizes));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// s2s.layer_norm
//===----------------------------------------------------------------------===//

struct LayerNormOpLowering : OpConversionPattern<LayerNormOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(LayerNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    TensorBuilder tb(rewriter, op.getLoc());
    Value x = adaptor.getInput();
    SmallVector<OpFoldResult> shape = tb.sizesOf(x);
    Type elt = TensorBuilder::elementTypeOf(x);
    int64_t rank = shape.size();
    ArrayRef<int64_t> normalized = op.getNormalizedShape();
    int64_t normRank = normalized.size();
    // M rows (the leading dimensions, which may be dynamic) of N elements
    // (normalized_shape, static).
    int64_t n = 1;
    for (int64_t size : normalized)
      n *= size;
    OpFoldResult m = tb.size(1);
    for (int64_t i = 0; i < rank - normRank; ++i)
      m = tb.sizeMul(m, shape[i]);

    // View x as [M, N] and the affine parameters as [N].
    Value x2 = tb.collapseTo2D(x, rank - normRank);
    auto flatParam = [&](Value param) -> Value {
      if (!param || normRank == 1)
        return param;
      ReassociationIndices all;
      for (int64_t i = 0; i < normRank; ++i)
        all.push_back(i);
      return tb.collapse(param, {all});
    };
    Value gamma = flatParam(adaptor.getWeight());
    Value beta = flatParam(adaptor.getBias());

    MLIRContext *ctx = rewriter.getContext();
    AffineExpr r, c;
    bindDims(ctx, r, c);
    AffineMap id = tb.identityMap(2), rowMap = tb.mapOf(2, {r}),
              colMap = tb.mapOf(2, {c});
    Value count = tb.floatConst(elt, static_cast<double>(n));

    // mean, centered x, biased variance.
    SmallVector<OpFoldResult> rowsByCols = {m, tb.size(n)};
    Value sum = tb.reduceLast(
        x2, 0.0, [](OpBuilder &b, Location loc, Value v, Value acc) -> Value {
          return arith::AddFOp::create(b, loc, v, acc);
        });
    Value centered = tb.map(
        {x2, sum}, {id, rowMap}, rowsByCols, elt,
        [&](OpBuilder &b, Location loc, ValueRange a) {
          Value mean = arith::DivFOp::create(b, loc, a[1], count);
          linalg::YieldOp::create(
              b, loc, arith::SubFOp::create(b, loc, a[0], mean).getResult());
        });
    Value squares = tb.reduceLast(
        centered, 0.0, [](OpBuilder &b, Location loc, Value v, Value acc) {
          Value sq = arith::MulFOp::create(b, loc, v, v);
          return arith::AddFOp::create(b, loc, sq, acc).getResult();
        });
    Value eps = tb.floatConst(elt, op.getEps().convertToDouble());
    SmallVector<Value> inputs = {centered, squares};
    SmallVector<AffineMap> maps = {id, rowMap};
    if (gamma) {
      inputs.push_back(gamma);
      maps.push_back(colMap);
    }
    if (beta) {
      inputs.push_back(beta);
      maps.push_back(colMap);
    }
    bool hasGamma = static_cast<bool>(gamma), hasBeta = static_cast<bool>(beta);
    Value y = tb.map(inputs, maps, rowsByCols, elt,
                     [&](OpBuilder &b, Location loc, ValueRange a) {
                       Value var = arith::DivFOp::create(b, loc, a[1], count);
                       Value rstd = math::RsqrtOp::create(
                           b, loc, arith::AddFOp::create(b, loc, var, eps));
                       Value v = arith::MulFOp::create(b, loc, a[0], rstd);
                       unsigned next = 2;
                       if (hasGamma)
                         v = arith::MulFOp::create(b, loc, v, a[next++]);
                       if (hasBeta)
                         v = arith::AddFOp::create(b, loc, v, a[next++]);
                       linalg::YieldOp::create(b, loc, v);
                     });
    rewriter.replaceOp(op, tb.expandFrom2D(y, shape, rank - normRank));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// s2s.embedding, s2s.index_select: gathers
//===----------------------------------------------------------------------===//

/// A generic over `outShape` that reads `indices` through `indicesMap` and
/// yields the element of `source` whose coordinate `gatherDim` is the index
/// read, clamped to [0, size - 1] (so that a bad index cannot read out of
/// bounds; s2s-insert-value-checks reports it), and whose other coordinate
/// d is the loop `loops[d]` of the generic.
static Value gatherClamped(TensorBuilder &tb, Value source, int64_t gatherDim,
                           Value indices, AffineMap indicesMap,
                           ArrayRef<OpFoldResult> outShape,
                           ArrayRef<int64_t> loops) {
  // The last valid index: a constant in the body when static, else computed
  // here.
  OpFoldResult last = tb.sizeSub(tb.dimOf(source, gatherDim), tb.size(1));
  std::optional<int64_t> staticLast = getConstantIntValue(last);
  Value dynamicLast = staticLast ? Value() : tb.indexValue(last);
  return tb.map(
      indices, {indicesMap}, outShape, TensorBuilder::elementTypeOf(source),
      [&](OpBuilder &b, Location loc, ValueRange a) {
        Value index =
            arith::IndexCastOp::create(b, loc, b.getIndexType(), a[0]);
        Value lo = arith::ConstantIndexOp::create(b, loc, 0);
        Value hi = staticLast
                       ? arith::ConstantIndexOp::create(b, loc, *staticLast)
                       : dynamicLast;
        index = arith::MaxSIOp::create(b, loc, index, lo);
        index = arith::MinSIOp::create(b, loc, index, hi);
        SmallVector<Value> at;
        for (auto [d, loop] : llvm::enumerate(loops))
          at.push_back(static_cast<int64_t>(d) == gatherDim
                           ? index
                           : linalg::IndexOp::create(b, loc, loop).getResult());
        linalg::YieldOp::create(
            b, loc, tensor::ExtractOp::create(b, loc, source, at).getResult());
      });
}

} // namespace

Value mlir::s2s::selectIndices(TensorBuilder &tb, Value input, int64_t dim,
                               Value indices) {
  SmallVector<OpFoldResult> outShape = tb.sizesOf(input);
  int64_t rank = outShape.size();
  outShape[dim] = tb.dimOf(indices, 0);
  return gatherClamped(tb, input, dim, indices,
                       tb.mapOf(rank, {tb.builder().getAffineDimExpr(dim)}),
                       outShape, llvm::to_vector(llvm::seq<int64_t>(0, rank)));
}

namespace {

/// Rows of the table at the indices: out[i..., e] = table[ids[i...], e].
struct EmbeddingOpLowering : OpConversionPattern<EmbeddingOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(EmbeddingOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    TensorBuilder tb(rewriter, op.getLoc());
    Value indices = adaptor.getIndices(), table = adaptor.getWeight();
    SmallVector<OpFoldResult> outShape = tb.sizesOf(indices);
    outShape.push_back(tb.dimOf(table, 1));
    int64_t rank = outShape.size();
    SmallVector<AffineExpr> indexExprs;
    for (int64_t i = 0; i + 1 < rank; ++i)
      indexExprs.push_back(rewriter.getAffineDimExpr(i));
    rewriter.replaceOp(op, gatherClamped(tb, table, /*gatherDim=*/0, indices,
                                         tb.mapOf(rank, indexExprs), outShape,
                                         {/*unused*/ 0, rank - 1}));
    return success();
  }
};

/// Slices at the indices: out[..., i, ...] = input[..., indices[i], ...].
struct IndexSelectOpLowering : OpConversionPattern<IndexSelectOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(IndexSelectOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    TensorBuilder tb(rewriter, op.getLoc());
    Value input = adaptor.getInput();
    int64_t dim = static_cast<int64_t>(op.getDim());
    if (dim < 0)
      dim += TensorBuilder::shapeOf(input).size();
    rewriter.replaceOp(op, selectIndices(tb, input, dim, adaptor.getIndices()));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// s2s.argmax, s2s.top_k: the order of elements
//===----------------------------------------------------------------------===//

/// The total order in which s2s.argmax and s2s.top_k rank the elements of a
/// dimension: by value, NaN above any number, equal values by index (the
/// lower first). `precedes(x, i, y, j)` is true when (x, i) comes before
/// (y, j).
static Value precedes(OpBuilder &b, Location loc, Value x, Value i, Value y,
                      Value j) {
  Value xNaN = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, x, x);
  Value yNaN = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, y, y);
  Value yNumber = arith::XOrIOp::create(
      b, loc, yNaN, arith::ConstantIntOp::create(b, loc, 1, 1));
  Value greater = arith::OrIOp::create(
      b, loc, arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x, y),
      arith::AndIOp::create(b, loc, xNaN, yNumber));
  Value equal = arith::OrIOp::create(
      b, loc, arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, x, y),
      arith::AndIOp::create(b, loc, xNaN, yNaN));
  Value earlier =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, i, j);
  return arith::OrIOp::create(b, loc, greater,
                              arith::AndIOp::create(b, loc, equal, earlier));
}

/// The iteration space of a reduction of `shape` along `dim`: the reduced
/// sizes, the map of the reduced tensors and the iterator types.
struct ReductionSpace {
  SmallVector<OpFoldResult> reducedShape;
  AffineMap reducedMap;
  SmallVector<utils::IteratorType> iterators;
};

static ReductionSpace
reductionSpace(TensorBuilder &tb, ArrayRef<OpFoldResult> shape, int64_t dim) {
  ReductionSpace space;
  SmallVector<AffineExpr> outExprs;
  int64_t rank = shape.size();
  for (int64_t i = 0; i < rank; ++i) {
    space.iterators.push_back(i == dim ? utils::IteratorType::reduction
                                       : utils::IteratorType::parallel);
    if (i == dim)
      continue;
    space.reducedShape.push_back(shape[i]);
    outExprs.push_back(tb.builder().getAffineDimExpr(i));
  }
  space.reducedMap = tb.mapOf(rank, outExprs);
  return space;
}

/// The first element along `dim` of `input` in the order of `precedes`
/// (its value and i64 index), among those that come after (`after`,
/// `afterIndex`) when these are given (tensors of the reduced shape).
static std::pair<Value, Value> firstInOrder(TensorBuilder &tb, Value input,
                                            int64_t dim, Value after = nullptr,
                                            Value afterIndex = nullptr) {
  SmallVector<OpFoldResult> shape = tb.sizesOf(input);
  int64_t rank = shape.size();
  ReductionSpace space = reductionSpace(tb, shape, dim);
  Type elt = TensorBuilder::elementTypeOf(input);
  Type i64 = tb.builder().getI64Type();
  Value bestInit = tb.fill(tb.empty(space.reducedShape, elt), tb.negInf(elt));
  Value indexInit = tb.filledInt(space.reducedShape, i64,
                                 std::numeric_limits<int64_t>::max());
  SmallVector<Value> inputs = {input};
  SmallVector<AffineMap> maps = {tb.identityMap(rank)};
  if (after) {
    inputs.append({after, afterIndex});
    maps.append({space.reducedMap, space.reducedMap});
  }
  maps.append({space.reducedMap, space.reducedMap});
  // The choice does not depend on the order in which elements are visited.
  SmallVector<Value> results = tb.generic(
      inputs, {bestInit, indexInit}, maps, space.iterators,
      [&](OpBuilder &b, Location loc, ValueRange a) {
        Value x = a[0], best = a[a.size() - 2], bestIndex = a.back();
        Value j = arith::IndexCastOp::create(
            b, loc, i64, linalg::IndexOp::create(b, loc, dim));
        Value take = precedes(b, loc, x, j, best, bestIndex);
        if (after)
          take = arith::AndIOp::create(b, loc, take,
                                       precedes(b, loc, a[1], a[2], x, j));
        linalg::YieldOp::create(
            b, loc,
            ValueRange{arith::SelectOp::create(b, loc, take, x, best),
                       arith::SelectOp::create(b, loc, take, j, bestIndex)});
      });
  return {results[0], results[1]};
}

//===----------------------------------------------------------------------===//
// s2s.argmax
//===----------------------------------------------------------------------===//

struct ArgMaxOpLowering : OpConversionPattern<ArgMaxOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ArgMaxOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    TensorBuilder tb(rewriter, op.getLoc());
    Value input = adaptor.getInput();
    SmallVector<OpFoldResult> shape = tb.sizesOf(input);
    int64_t rank = shape.size();
    int64_t dim = static_cast<int64_t>(op.getDim());
    if (dim < 0)
      dim += rank;
    Value indices = firstInOrder(tb, input, dim).second;
    if (op.getKeepdim()) {
      // The unit dimension joins its neighbour's reassociation group.
      SmallVector<ReassociationIndices> reassociation;
      for (int64_t i = 0; i < rank - 1; ++i)
        reassociation.push_back({i < dim ? i : i + 1});
      if (!reassociation.empty()) {
        if (dim == 0)
          reassociation.front().insert(reassociation.front().begin(), 0);
        else
          reassociation[dim - 1].push_back(dim);
      }
      SmallVector<OpFoldResult> keptShape(shape);
      keptShape[dim] = tb.size(1);
      indices = tb.expand(indices, keptShape, reassociation);
    }
    rewriter.replaceOp(op, indices);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// s2s.top_k
//===----------------------------------------------------------------------===//

/// Round r of a loop over the k ranks takes the first element in the order
/// of `precedes` after the one round r - 1 took (after (NaN, -1), which
/// precedes every element, in round 0), and writes it to slice r of the
/// results. k passes over the input, each a parallel reduction; k is the
/// beam width of a search, small next to the vocabulary.
struct TopKOpLowering : OpConversionPattern<TopKOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(TopKOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    TensorBuilder tb(rewriter, loc);
    Value input = adaptor.getInput();
    SmallVector<OpFoldResult> shape = tb.sizesOf(input);
    int64_t rank = shape.size();
    int64_t dim = static_cast<int64_t>(op.getDim());
    if (dim < 0)
      dim += rank;
    Type elt = TensorBuilder::elementTypeOf(input);
    Type i64 = rewriter.getI64Type();
    SmallVector<OpFoldResult> outShape(shape);
    outShape[dim] = tb.size(static_cast<int64_t>(op.getK()));
    ReductionSpace space = reductionSpace(tb, shape, dim);

    Value valuesInit = tb.empty(outShape, elt);
    Value indicesInit = tb.empty(outShape, i64);
    Value firstAfter = tb.filled(space.reducedShape, elt,
                                 std::numeric_limits<double>::quiet_NaN());
    Value firstAfterIndex = tb.filledInt(space.reducedShape, i64, -1);
    auto loop = scf::ForOp::create(
        rewriter, loc, tb.indexConst(0),
        tb.indexConst(static_cast<int64_t>(op.getK())), tb.indexConst(1),
        ValueRange{valuesInit, indicesInit, firstAfter, firstAfterIndex},
        [&](OpBuilder &b, Location nloc, Value r, ValueRange iterArgs) {
          TensorBuilder body(b, nloc);
          auto [value, index] =
              firstInOrder(body, input, dim, iterArgs[2], iterArgs[3]);
          SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0));
          offsets[dim] = r;
          SmallVector<OpFoldResult> sizes(shape);
          sizes[dim] = b.getIndexAttr(1);
          Value values = body.insert(value, iterArgs[0], offsets, sizes);
          Value indices = body.insert(index, iterArgs[1], offsets, sizes);
          scf::YieldOp::create(b, nloc,
                               ValueRange{values, indices, value, index});
        });
    rewriter.replaceOp(op, {loop.getResult(0), loop.getResult(1)});
    return success();
  }
};

//===----------------------------------------------------------------------===//
// s2s.log_softmax
//===----------------------------------------------------------------------===//

/// y = x - max - log(sum(exp(x - max))) along `dim`, as PyTorch computes it.
struct LogSoftmaxOpLowering : OpConversionPattern<LogSoftmaxOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(LogSoftmaxOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    TensorBuilder tb(rewriter, op.getLoc());
    Value input = adaptor.getInput();
    SmallVector<OpFoldResult> shape = tb.sizesOf(input);
    int64_t rank = shape.size();
    int64_t dim = static_cast<int64_t>(op.getDim());
    if (dim < 0)
      dim += rank;
    Type elt = TensorBuilder::elementTypeOf(input);
    ReductionSpace space = reductionSpace(tb, shape, dim);
    AffineMap id = tb.identityMap(rank);

    Value max = tb.generic(
        input, tb.fill(tb.empty(space.reducedShape, elt), tb.negInf(elt)),
        {id, space.reducedMap}, space.iterators,
        [](OpBuilder &b, Location loc, ValueRange a) {
          linalg::YieldOp::create(
              b, loc,
              arith::MaximumFOp::create(b, loc, a[0], a[1]).getResult());
        })[0];
    Value sum = tb.generic(
        {input, max}, tb.filled(space.reducedShape, elt, 0.0),
        {id, space.reducedMap, space.reducedMap}, space.iterators,
        [](OpBuilder &b, Location loc, ValueRange a) {
          Value shifted = arith::SubFOp::create(b, loc, a[0], a[1]);
          Value e = math::ExpOp::create(b, loc, shifted);
          linalg::YieldOp::create(
              b, loc, arith::AddFOp::create(b, loc, e, a[2]).getResult());
        })[0];
    Value result = tb.map(
        {input, max, sum}, {id, space.reducedMap, space.reducedMap}, shape, elt,
        [](OpBuilder &b, Location loc, ValueRange a) {
          Value shifted = arith::SubFOp::create(b, loc, a[0], a[1]);
          Value logSum = math::LogOp::create(b, loc, a[2]);
          linalg::YieldOp::create(
              b, loc,
              arith::SubFOp::create(b, loc, shifted, logSum).getResult());
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// s2s.kv_cache_append
//===----------------------------------------------------------------------===//

} // namespace

std::pair<Value, Value> mlir::s2s::appendToCache(TensorBuilder &tb, Value cache,
                                                 Value entries, Value pos,
                                                 int64_t dim) {
  OpBuilder &b = tb.builder();
  Location loc = tb.location();
  SmallVector<OpFoldResult> cacheSizes = tb.sizesOf(cache);
  SmallVector<OpFoldResult> entrySizes = tb.sizesOf(entries);
  int64_t rank = cacheSizes.size();
  Value last = tb.indexValue(tb.sizeSub(cacheSizes[dim], entrySizes[dim]));
  pos = arith::MinSIOp::create(b, loc, pos, last);
  pos = arith::MaxSIOp::create(b, loc, pos, tb.indexConst(0));
  SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0));
  offsets[dim] = pos;
  Value updated = tb.insert(entries, cache, offsets, entrySizes);
  SmallVector<OpFoldResult> validSizes(cacheSizes);
  validSizes[dim] = tb.sizeAdd(pos, entrySizes[dim]);
  Value valid = tb.slice(
      updated, SmallVector<OpFoldResult>(rank, b.getIndexAttr(0)), validSizes);
  return {updated, valid};
}

namespace {

/// s2s.kv_cache_append: appendToCache, the valid prefix cast to the
/// result's type.
struct KVCacheAppendOpLowering : OpConversionPattern<KVCacheAppendOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(KVCacheAppendOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    TensorBuilder tb(rewriter, op.getLoc());
    int64_t dim = static_cast<int64_t>(op.getDim());
    if (dim < 0)
      dim += TensorBuilder::shapeOf(adaptor.getCache()).size();
    auto [updated, valid] = appendToCache(
        tb, adaptor.getCache(), adaptor.getNewEntries(), adaptor.getPos(), dim);
    auto validType = cast<RankedTensorType>(op.getValid().getType());
    if (valid.getType() != validType)
      valid = tensor::CastOp::create(rewriter, op.getLoc(), validType, valid);
    rewriter.replaceOp(op, {updated, valid});
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Pass
//===----------------------------------------------------------------------===//

/// An operand and the dimensions of it that may be dynamic.
struct DynamicDims {
  StringRef name;
  Value value;
  /// The dimensions that may be dynamic; all when `all` is set.
  SmallVector<int64_t, 2> dims;
  bool all = false;
};

/// The batch and sequence dimensions of the operands of `op` (which the
/// lowering takes as dynamic sizes); every other dimension (features,
/// heads, weights) must be static.
static SmallVector<DynamicDims> getDynamicDims(Operation *op) {
  auto dims = [](StringRef name, Value value, ArrayRef<int64_t> which) {
    return DynamicDims{name, value, SmallVector<int64_t, 2>(which), false};
  };
  auto any = [](StringRef name, Value value) {
    return DynamicDims{name, value, {}, true};
  };
  return llvm::TypeSwitch<Operation *, SmallVector<DynamicDims>>(op)
      .Case<RNNOp, GRUOp>([&](auto layer) -> SmallVector<DynamicDims> {
        return {dims("x", layer.getX(), {0, 1}), dims("h0", layer.getH0(), {1}),
                dims("seq_lens", layer.getSeqLens(), {0})};
      })
      .Case([&](LSTMOp layer) -> SmallVector<DynamicDims> {
        return {dims("x", layer.getX(), {0, 1}), dims("h0", layer.getH0(), {1}),
                dims("c0", layer.getC0(), {1}),
                dims("seq_lens", layer.getSeqLens(), {0})};
      })
      .Case([&](RecurrenceOp layer) -> SmallVector<DynamicDims> {
        return {dims("x_gates", layer.getXGates(), {0, 1}),
                dims("h0", layer.getH0(), {1}), dims("c0", layer.getC0(), {1}),
                dims("seq_lens", layer.getSeqLens(), {0})};
      })
      .Case<RNNCellOp, GRUCellOp>([&](auto cell) -> SmallVector<DynamicDims> {
        return {dims("x", cell.getX(), {0}), dims("h", cell.getH(), {0})};
      })
      .Case([&](LSTMCellOp cell) -> SmallVector<DynamicDims> {
        return {dims("x", cell.getX(), {0}), dims("h", cell.getH(), {0}),
                dims("c", cell.getC(), {0})};
      })
      .Case([&](AttentionOp attn) -> SmallVector<DynamicDims> {
        return {dims("query", attn.getQuery(), {0, 1}),
                dims("keys", attn.getKeys(), {0, 1}),
                dims("values", attn.getValues(), {0, 1}),
                any("mask", attn.getMask())};
      })
      .Case([&](ScaledDotProductAttentionOp attn) -> SmallVector<DynamicDims> {
        return {dims("query", attn.getQuery(), {0, 2}),
                dims("key", attn.getKey(), {0, 2}),
                dims("value", attn.getValue(), {0, 2}),
                any("mask", attn.getMask())};
      })
      .Case([&](MultiHeadAttentionOp attn) -> SmallVector<DynamicDims> {
        return {dims("query", attn.getQuery(), {0, 1}),
                dims("key", attn.getKey(), {0, 1}),
                dims("value", attn.getValue(), {0, 1}),
                any("key_padding_mask", attn.getKeyPaddingMask()),
                any("attn_mask", attn.getAttnMask())};
      })
      .Case([&](CachedMultiHeadAttentionOp attn) -> SmallVector<DynamicDims> {
        return {dims("query", attn.getQuery(), {0, 1}),
                dims("key_cache", attn.getKeyCache(), {0, 2}),
                dims("value_cache", attn.getValueCache(), {0, 2}),
                any("key_padding_mask", attn.getKeyPaddingMask()),
                any("attn_mask", attn.getAttnMask())};
      })
      .Case([&](LinearOp linear) -> SmallVector<DynamicDims> {
        SmallVector<int64_t> leading = llvm::to_vector(llvm::seq<int64_t>(
            0,
            cast<RankedTensorType>(linear.getInput().getType()).getRank() - 1));
        return {dims("input", linear.getInput(), leading)};
      })
      .Case([&](LayerNormOp norm) -> SmallVector<DynamicDims> {
        int64_t rank =
            cast<RankedTensorType>(norm.getInput().getType()).getRank();
        int64_t normRank = norm.getNormalizedShape().size();
        SmallVector<int64_t> leading =
            llvm::to_vector(llvm::seq<int64_t>(0, rank - normRank));
        return {dims("input", norm.getInput(), leading)};
      })
      .Case([&](EmbeddingOp embedding) -> SmallVector<DynamicDims> {
        // The table is a weight: static, so that the verifier can refuse
        // an empty one that indices would be read from.
        return {any("indices", embedding.getIndices())};
      })
      .Case([&](ArgMaxOp argmax) -> SmallVector<DynamicDims> {
        return {any("input", argmax.getInput())};
      })
      .Case([&](LogSoftmaxOp logSoftmax) -> SmallVector<DynamicDims> {
        return {any("input", logSoftmax.getInput())};
      })
      .Case([&](TopKOp topK) -> SmallVector<DynamicDims> {
        // The verifier wants the dimension of the top k static.
        return {any("input", topK.getInput())};
      })
      .Case([&](IndexSelectOp select) -> SmallVector<DynamicDims> {
        return {any("input", select.getInput()),
                any("indices", select.getIndices())};
      })
      .Case([&](KVCacheAppendOp append) -> SmallVector<DynamicDims> {
        return {any("new_entries", append.getNewEntries()),
                any("cache", append.getCache())};
      })
      .Default([](Operation *) { return SmallVector<DynamicDims>(); });
}

} // namespace

/// Fails on an operand of an s2s op with a dynamic dimension that the
/// lowering needs static: a feature, head or weight dimension; and on two
/// dimensions a shape rule ties (the batch of x and of h0) of which one is
/// static and the other dynamic: the lowering reads each size from one
/// operand and needs their types to agree.
LogicalResult mlir::s2s::checkStaticFeatureDims(Operation *op, bool report) {
  for (const DimRule &rule : getDimRules(op)) {
    if (!rule.ref)
      continue;
    auto type = cast<RankedTensorType>(rule.value.getType());
    auto refType = cast<RankedTensorType>(rule.ref.getType());
    if (type.isDynamicDim(rule.dim) == refType.isDynamicDim(rule.refDim))
      continue;
    if (!report)
      return failure();
    bool valueStatic = !type.isDynamicDim(rule.dim);
    const DimRule &r = rule;
    auto describe = [&](StringRef name, int64_t dim, RankedTensorType t) {
      std::string text;
      llvm::raw_string_ostream os(text);
      os << "dimension " << dim << " of '" << name << "' (type " << t << ")";
      return text;
    };
    return op->emitOpError()
           << "cannot be lowered to linalg: "
           << describe(valueStatic ? r.name : r.refName,
                       valueStatic ? r.dim : r.refDim,
                       valueStatic ? type : refType)
           << " is static, but "
           << describe(valueStatic ? r.refName : r.name,
                       valueStatic ? r.refDim : r.dim,
                       valueStatic ? refType : type)
           << ", which must " << (r.factor != 1 ? "match it" : "equal it")
           << ", is dynamic; write both static or both dynamic";
  }
  SmallVector<DynamicDims> allowed = getDynamicDims(op);
  for (auto [i, operand] : llvm::enumerate(op->getOperands())) {
    auto type = dyn_cast<RankedTensorType>(operand.getType());
    if (!type || type.hasStaticShape())
      continue;
    const DynamicDims *entry = llvm::find_if(
        allowed, [&](const DynamicDims &d) { return d.value == operand; });
    if (entry != allowed.end() && entry->all)
      continue;
    for (int64_t dim = 0; dim < type.getRank(); ++dim) {
      if (!type.isDynamicDim(dim) ||
          (entry != allowed.end() && llvm::is_contained(entry->dims, dim)))
        continue;
      if (!report)
        return failure();
      InFlightDiagnostic diag = op->emitOpError()
                                << "cannot be lowered to linalg: dimension "
                                << dim << " of operand ";
      if (entry != allowed.end())
        diag << "'" << entry->name << "'";
      else
        diag << "#" << i;
      diag << " (type " << type
           << ") is dynamic; only batch and sequence dimensions may be "
              "dynamic, feature, head and weight dimensions must be static";
      return diag;
    }
  }
  return success();
}

namespace {
struct ConvertS2SToLinalgPass
    : s2s::impl::ConvertS2SToLinalgPassBase<ConvertS2SToLinalgPass> {
  using s2s::impl::ConvertS2SToLinalgPassBase<
      ConvertS2SToLinalgPass>::ConvertS2SToLinalgPassBase;

  void runOnOperation() override {
    ConvertS2SToLinalgPassOptions options;
    options.polynomialExp = polynomialExp;
    bool ok = true;
    getOperation()->walk([&](Operation *op) {
      if (isa<S2SDialect>(op->getDialect()) &&
          failed(checkStaticFeatureDims(op)))
        ok = false;
    });
    if (!ok)
      return signalPassFailure();

    MLIRContext *ctx = &getContext();
    ConversionTarget target(*ctx);
    configureS2SToLinalgConversionTarget(target);
    RewritePatternSet patterns(ctx);
    populateS2SToLinalgConversionPatterns(patterns, options);
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      return signalPassFailure();
    if (!markWeights)
      TensorBuilder::stripWeightMarks(getOperation());
  }
};

} // namespace

LogicalResult
mlir::s2s::applyScheduledLowering(Operation *root,
                                  function_ref<bool(Operation *)> selected,
                                  RewritePatternSet &&patterns) {
  ConversionTarget target(*root->getContext());
  target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
  target.addDynamicallyLegalDialect<S2SDialect>([&](Operation *op) {
    return !selected(op) ||
           failed(checkStaticFeatureDims(op, /*report=*/false));
  });
  return applyPartialConversion(root, target, std::move(patterns));
}

void mlir::s2s::configureS2SToLinalgConversionTarget(ConversionTarget &target) {
  target.addIllegalDialect<S2SDialect>();
  target
      .addLegalDialect<arith::ArithDialect, bufferization::BufferizationDialect,
                       linalg::LinalgDialect, math::MathDialect,
                       scf::SCFDialect, tensor::TensorDialect>();
}

void mlir::s2s::populateS2SToLinalgConversionPatterns(
    RewritePatternSet &patterns, const ConvertS2SToLinalgPassOptions &options) {
  patterns.add<ArgMaxOpLowering, EmbeddingOpLowering, IndexSelectOpLowering,
               KVCacheAppendOpLowering, LogSoftmaxOpLowering, TopKOpLowering,
               LayerNormOpLowering, LinearOpLowering>(patterns.getContext());
  populateRecurrentToLinalgPatterns(patterns);
  populateAttentionToLinalgPatterns(patterns, options.polynomialExp);
}

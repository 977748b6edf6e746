//===- S2SReify.cpp - result sizes of the s2s ops at run time ------------===//
//
// ReifyRankedShapedTypeOpInterface of every s2s op: each dynamic result
// dimension is a dimension of an operand (the same sources from which
// inferReturnTypes in S2SOps.cpp derives the result types), built as
// tensor.dim ops (and, for the valid prefix of a KV cache, the clamped
// position plus the new entries).
// Upstream passes, s2s-bufferization-shape-functions and the
// lowering use them to know result sizes before computing the results.
//
//===----------------------------------------------------------------------===//

#include "s2s/Dialect/S2S/IR/S2SOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace mlir::s2s;

namespace {
/// Where the size of a result dimension comes from: dimension `dim` of
/// `operand` (null for a dimension that is always static).
struct DimOf {
  Value operand;
  int64_t dim = 0;
};
} // namespace

/// Reifies the result shapes of `op`: static dimensions as attributes, each
/// dynamic one from `sources[result][dim]`.
static LogicalResult reifyFrom(OpBuilder &b, Operation *op,
                               ArrayRef<SmallVector<DimOf>> sources,
                               ReifiedRankedShapedTypeDims &shapes) {
  for (auto [result, dims] : llvm::zip_equal(op->getResults(), sources)) {
    auto type = cast<RankedTensorType>(result.getType());
    SmallVector<OpFoldResult> &sizes = shapes.emplace_back();
    for (int64_t i = 0; i < type.getRank(); ++i) {
      if (!type.isDynamicDim(i)) {
        sizes.push_back(b.getIndexAttr(type.getDimSize(i)));
        continue;
      }
      if (i >= static_cast<int64_t>(dims.size()) || !dims[i].operand)
        return failure();
      sizes.push_back(
          tensor::getMixedSize(b, op->getLoc(), dims[i].operand, dims[i].dim));
    }
  }
  return success();
}

/// Every dimension of `value`, in order.
static SmallVector<DimOf> allDims(Value value) {
  SmallVector<DimOf> dims;
  for (int64_t i = 0, e = cast<RankedTensorType>(value.getType()).getRank();
       i < e; ++i)
    dims.push_back({value, i});
  return dims;
}

/// Results of a recurrent layer: y (T and B as in x, D*H static), then its
/// final states [D, B, H].
static SmallVector<SmallVector<DimOf>>
recurrentResultDims(Operation *op, Value x, bool batchFirst) {
  int64_t batchDim = batchFirst ? 0 : 1;
  SmallVector<SmallVector<DimOf>> sources = {{{x, 0}, {x, 1}, {}}};
  for (unsigned i = 1; i < op->getNumResults(); ++i)
    sources.push_back({{}, {x, batchDim}, {}});
  return sources;
}

LogicalResult RNNOp::reifyResultShapes(OpBuilder &b,
                                       ReifiedRankedShapedTypeDims &shapes) {
  return reifyFrom(b, *this,
                   recurrentResultDims(*this, getX(), getBatchFirst()), shapes);
}

LogicalResult LSTMOp::reifyResultShapes(OpBuilder &b,
                                        ReifiedRankedShapedTypeDims &shapes) {
  return reifyFrom(b, *this,
                   recurrentResultDims(*this, getX(), getBatchFirst()), shapes);
}

LogicalResult GRUOp::reifyResultShapes(OpBuilder &b,
                                       ReifiedRankedShapedTypeDims &shapes) {
  return reifyFrom(b, *this,
                   recurrentResultDims(*this, getX(), getBatchFirst()), shapes);
}

LogicalResult
RecurrenceOp::reifyResultShapes(OpBuilder &b,
                                ReifiedRankedShapedTypeDims &shapes) {
  return reifyFrom(b, *this,
                   recurrentResultDims(*this, getXGates(), getBatchFirst()),
                   shapes);
}

/// Every result of a cell has the shape of its hidden state `h`.
static LogicalResult reifyCell(OpBuilder &b, Operation *op, Value h,
                               ReifiedRankedShapedTypeDims &shapes) {
  SmallVector<SmallVector<DimOf>> sources(op->getNumResults(), allDims(h));
  return reifyFrom(b, op, sources, shapes);
}

LogicalResult
RNNCellOp::reifyResultShapes(OpBuilder &b,
                             ReifiedRankedShapedTypeDims &shapes) {
  return reifyCell(b, *this, getH(), shapes);
}

LogicalResult
LSTMCellOp::reifyResultShapes(OpBuilder &b,
                              ReifiedRankedShapedTypeDims &shapes) {
  return reifyCell(b, *this, getH(), shapes);
}

LogicalResult
GRUCellOp::reifyResultShapes(OpBuilder &b,
                             ReifiedRankedShapedTypeDims &shapes) {
  return reifyCell(b, *this, getH(), shapes);
}

LogicalResult
AttentionOp::reifyResultShapes(OpBuilder &b,
                               ReifiedRankedShapedTypeDims &shapes) {
  Value q = getQuery(), k = getKeys(), v = getValues();
  // context [B, Tq, Dv], weights [B, Tq, Tk].
  return reifyFrom(
      b, *this, {{{q, 0}, {q, 1}, {v, 2}}, {{q, 0}, {q, 1}, {k, 1}}}, shapes);
}

LogicalResult ScaledDotProductAttentionOp::reifyResultShapes(
    OpBuilder &b, ReifiedRankedShapedTypeDims &shapes) {
  Value q = getQuery();
  // [B, H, Tq, Dv].
  return reifyFrom(b, *this, {{{q, 0}, {q, 1}, {q, 2}, {getValue(), 3}}},
                   shapes);
}

LogicalResult
MultiHeadAttentionOp::reifyResultShapes(OpBuilder &b,
                                        ReifiedRankedShapedTypeDims &shapes) {
  Value q = getQuery();
  Value k = getKey() ? getKey() : q;
  bool batchFirst = getBatchFirst();
  int64_t batchDim = batchFirst ? 0 : 1, timeDim = batchFirst ? 1 : 0;
  // The output has the query's shape; the averaged weights are
  // [B, Tq, Tk].
  SmallVector<SmallVector<DimOf>> sources = {allDims(q)};
  if (getNeedWeights())
    sources.push_back({{q, batchDim}, {q, timeDim}, {k, timeDim}});
  return reifyFrom(b, *this, sources, shapes);
}

LogicalResult CachedMultiHeadAttentionOp::reifyResultShapes(
    OpBuilder &b, ReifiedRankedShapedTypeDims &shapes) {
  // The output has the query's shape, the caches theirs.
  return reifyFrom(
      b, *this,
      {allDims(getQuery()), allDims(getKeyCache()), allDims(getValueCache())},
      shapes);
}

LogicalResult LinearOp::reifyResultShapes(OpBuilder &b,
                                          ReifiedRankedShapedTypeDims &shapes) {
  SmallVector<DimOf> dims = allDims(getInput());
  dims.back() = {getWeight(), 0};
  return reifyFrom(b, *this, {dims}, shapes);
}

LogicalResult
LayerNormOp::reifyResultShapes(OpBuilder &b,
                               ReifiedRankedShapedTypeDims &shapes) {
  return reifyFrom(b, *this, {allDims(getInput())}, shapes);
}

LogicalResult
EmbeddingOp::reifyResultShapes(OpBuilder &b,
                               ReifiedRankedShapedTypeDims &shapes) {
  SmallVector<DimOf> dims = allDims(getIndices());
  dims.push_back({getWeight(), 1});
  return reifyFrom(b, *this, {dims}, shapes);
}

LogicalResult ArgMaxOp::reifyResultShapes(OpBuilder &b,
                                          ReifiedRankedShapedTypeDims &shapes) {
  SmallVector<DimOf> dims = allDims(getInput());
  int64_t rank = dims.size();
  std::optional<int64_t> dim = static_cast<int64_t>(getDim());
  if (*dim < -rank || *dim >= rank)
    return failure();
  if (*dim < 0)
    *dim += rank;
  if (getKeepdim())
    dims[*dim] = {};
  else
    dims.erase(dims.begin() + *dim);
  return reifyFrom(b, *this, {dims}, shapes);
}

LogicalResult
LogSoftmaxOp::reifyResultShapes(OpBuilder &b,
                                ReifiedRankedShapedTypeDims &shapes) {
  return reifyFrom(b, *this, {allDims(getInput())}, shapes);
}

LogicalResult TopKOp::reifyResultShapes(OpBuilder &b,
                                        ReifiedRankedShapedTypeDims &shapes) {
  // The dimension of the top k is static (k); the others are the input's.
  SmallVector<DimOf> dims = allDims(getInput());
  return reifyFrom(b, *this, {dims, dims}, shapes);
}

LogicalResult
IndexSelectOp::reifyResultShapes(OpBuilder &b,
                                 ReifiedRankedShapedTypeDims &shapes) {
  SmallVector<DimOf> dims = allDims(getInput());
  int64_t rank = dims.size();
  int64_t dim = static_cast<int64_t>(getDim());
  if (dim < -rank || dim >= rank)
    return failure();
  if (dim < 0)
    dim += rank;
  dims[dim] = {getIndices(), 0};
  return reifyFrom(b, *this, {dims}, shapes);
}

LogicalResult
KVCacheAppendOp::reifyResultShapes(OpBuilder &b,
                                   ReifiedRankedShapedTypeDims &shapes) {
  int64_t rank = cast<RankedTensorType>(getCache().getType()).getRank();
  int64_t dim = static_cast<int64_t>(getDim());
  if (dim < -rank || dim >= rank)
    return failure();
  if (dim < 0)
    dim += rank;
  // cache_out: the cache's sizes; valid: those but pos + S along `dim`, pos
  // clamped as the lowering clamps it.
  if (failed(reifyFrom(b, *this, {allDims(getCache()), allDims(getCache())},
                       shapes)))
    return failure();
  Location loc = getLoc();
  SmallVector<OpFoldResult> valid;
  for (int64_t i = 0; i < rank; ++i) {
    if (i != dim) {
      valid.push_back(tensor::getMixedSize(b, loc, getCache(), i));
      continue;
    }
    // The position as the lowering clamps it: in [0, T_max - S].
    Value count = getValueOrCreateConstantIndexOp(
        b, loc, tensor::getMixedSize(b, loc, getNewEntries(), i));
    Value capacity = getValueOrCreateConstantIndexOp(
        b, loc, tensor::getMixedSize(b, loc, getCache(), i));
    Value last = arith::SubIOp::create(b, loc, capacity, count);
    Value pos = arith::MinSIOp::create(b, loc, getPos(), last);
    pos = arith::MaxSIOp::create(b, loc, pos,
                                 arith::ConstantIndexOp::create(b, loc, 0));
    valid.push_back(arith::AddIOp::create(b, loc, pos, count).getResult());
  }
  shapes.pop_back();
  shapes.push_back(valid);
  return success();
}

//===- TensorBuilder.cpp - tensor-level building blocks -------------------===//
//
// Implementation of the building blocks shared by the s2s lowerings.
//
//===----------------------------------------------------------------------===//

#include "TensorBuilder.h"

#include "s2s/Support/WeightMarks.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace mlir::s2s;

//===----------------------------------------------------------------------===//
// Scalars and whole tensors
//===----------------------------------------------------------------------===//

Value TensorBuilder::floatConst(Type type, double value) {
  return arith::ConstantOp::create(b, loc, type, b.getFloatAttr(type, value));
}

Value TensorBuilder::indexConst(int64_t value) {
  return arith::ConstantIndexOp::create(b, loc, value);
}

Value TensorBuilder::negInf(Type type) {
  auto floatType = cast<FloatType>(type);
  return arith::ConstantOp::create(
      b, loc, type,
      b.getFloatAttr(type, APFloat::getInf(floatType.getFloatSemantics(),
                                           /*Negative=*/true)));
}

Value TensorBuilder::indexValue(OpFoldResult size) {
  return getValueOrCreateConstantIndexOp(b, loc, size);
}

SmallVector<OpFoldResult> TensorBuilder::sizesOf(Value v) {
  return tensor::getMixedSizes(b, loc, v);
}

OpFoldResult TensorBuilder::dimOf(Value v, int64_t dim) {
  return tensor::getMixedSize(b, loc, v, dim);
}

/// Folds `op` of two sizes when both are static, else builds `OpTy`.
template <typename OpTy>
static OpFoldResult sizeOp(TensorBuilder &tb, OpFoldResult lhs,
                           OpFoldResult rhs,
                           function_ref<int64_t(int64_t, int64_t)> fold) {
  std::optional<int64_t> a = getConstantIntValue(lhs),
                         c = getConstantIntValue(rhs);
  if (a && c)
    return tb.size(fold(*a, *c));
  return OpTy::create(tb.builder(), tb.getLoc(), tb.indexValue(lhs),
                      tb.indexValue(rhs))
      .getResult();
}

OpFoldResult TensorBuilder::sizeMul(OpFoldResult lhs, OpFoldResult rhs) {
  return sizeOp<arith::MulIOp>(*this, lhs, rhs,
                               [](int64_t x, int64_t y) { return x * y; });
}

OpFoldResult TensorBuilder::sizeAdd(OpFoldResult lhs, OpFoldResult rhs) {
  return sizeOp<arith::AddIOp>(*this, lhs, rhs,
                               [](int64_t x, int64_t y) { return x + y; });
}

OpFoldResult TensorBuilder::sizeSub(OpFoldResult lhs, OpFoldResult rhs) {
  return sizeOp<arith::SubIOp>(*this, lhs, rhs,
                               [](int64_t x, int64_t y) { return x - y; });
}

OpFoldResult TensorBuilder::sizeMin(OpFoldResult lhs, OpFoldResult rhs) {
  return sizeOp<arith::MinSIOp>(
      *this, lhs, rhs, [](int64_t x, int64_t y) { return std::min(x, y); });
}

OpFoldResult TensorBuilder::sizeFloorDiv(OpFoldResult lhs, OpFoldResult rhs) {
  // Sizes are not negative: floor division is unsigned division.
  return sizeOp<arith::DivUIOp>(*this, lhs, rhs,
                                [](int64_t x, int64_t y) { return x / y; });
}

/// `sizes` as a static shape (kDynamic where a size is a value) and the
/// dynamic sizes in order.
static std::pair<SmallVector<int64_t>, SmallVector<Value>>
splitSizes(ArrayRef<OpFoldResult> sizes) {
  SmallVector<int64_t> shape;
  SmallVector<Value> dynamic;
  dispatchIndexOpFoldResults(sizes, dynamic, shape);
  return {shape, dynamic};
}

Value TensorBuilder::empty(ArrayRef<OpFoldResult> sizes, Type elementType) {
  if (freshBuffers) {
    auto [shape, dynamic] = splitSizes(sizes);
    return bufferization::AllocTensorOp::create(
        b, loc, RankedTensorType::get(shape, elementType), dynamic);
  }
  return tensor::EmptyOp::create(b, loc, sizes, elementType);
}

Value TensorBuilder::empty(ArrayRef<int64_t> shape, Type elementType) {
  return empty(getAsIndexOpFoldResult(b.getContext(), shape), elementType);
}

Value TensorBuilder::filled(ArrayRef<OpFoldResult> sizes, Type elementType,
                            double value) {
  return fill(empty(sizes, elementType), floatConst(elementType, value));
}

Value TensorBuilder::filled(ArrayRef<int64_t> shape, Type elementType,
                            double value) {
  return fill(empty(shape, elementType), floatConst(elementType, value));
}

Value TensorBuilder::filledInt(ArrayRef<OpFoldResult> sizes, Type elementType,
                               int64_t value) {
  Value scalar = arith::ConstantOp::create(
      b, loc, elementType, b.getIntegerAttr(elementType, value));
  return fill(empty(sizes, elementType), scalar);
}

Value TensorBuilder::filledInt(ArrayRef<int64_t> shape, Type elementType,
                               int64_t value) {
  return filledInt(getAsIndexOpFoldResult(b.getContext(), shape), elementType,
                   value);
}

Value TensorBuilder::fill(Value tensor, Value scalar) {
  return linalg::FillOp::create(b, loc, scalar, tensor).getResult(0);
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

/// Unit strides of rank `rank`.
static SmallVector<OpFoldResult> unitStrides(OpBuilder &b, size_t rank) {
  return SmallVector<OpFoldResult>(rank, b.getIndexAttr(1));
}

Value TensorBuilder::slice(Value source, ArrayRef<OpFoldResult> offsets,
                           ArrayRef<OpFoldResult> sizes,
                           ArrayRef<int64_t> dropDims) {
  auto sourceType = cast<RankedTensorType>(source.getType());
  SmallVector<int64_t> shape = splitSizes(sizes).first;
  SmallVector<int64_t> resultShape;
  for (auto [i, size] : llvm::enumerate(shape))
    if (!llvm::is_contained(dropDims, static_cast<int64_t>(i)))
      resultShape.push_back(size);
  // A slice with a size-0 dimension, or of a source with one, holds
  // nothing: an empty tensor. (The slice itself would be invalid IR where a
  // static dimension of the source is 0: no offset is below that size.)
  if (llvm::is_contained(shape, 0) ||
      llvm::is_contained(sourceType.getShape(), 0)) {
    SmallVector<OpFoldResult> resultSizes;
    for (auto [i, size] : llvm::enumerate(sizes))
      if (!llvm::is_contained(dropDims, static_cast<int64_t>(i)))
        resultSizes.push_back(size);
    return empty(resultSizes, sourceType.getElementType());
  }
  auto resultType =
      RankedTensorType::get(resultShape, sourceType.getElementType());
  return tensor::ExtractSliceOp::create(b, loc, resultType, source, offsets,
                                        sizes, unitStrides(b, sizes.size()));
}

Value TensorBuilder::slice(Value source, ArrayRef<OpFoldResult> offsets,
                           ArrayRef<int64_t> sizes,
                           ArrayRef<int64_t> dropDims) {
  return slice(source, offsets, getAsIndexOpFoldResult(b.getContext(), sizes),
               dropDims);
}

Value TensorBuilder::insert(Value source, Value dest,
                            ArrayRef<OpFoldResult> offsets,
                            ArrayRef<OpFoldResult> sizes) {
  // Inserting nothing, or into nothing, leaves `dest` as it is (and the
  // insertion would be invalid IR where a static dimension of `dest` is 0).
  if (llvm::is_contained(splitSizes(sizes).first, 0) ||
      llvm::is_contained(cast<RankedTensorType>(dest.getType()).getShape(), 0))
    return dest;
  return tensor::InsertSliceOp::create(b, loc, source, dest, offsets, sizes,
                                       unitStrides(b, sizes.size()));
}

Value TensorBuilder::insert(Value source, Value dest,
                            ArrayRef<OpFoldResult> offsets,
                            ArrayRef<int64_t> sizes) {
  return insert(source, dest, offsets,
                getAsIndexOpFoldResult(b.getContext(), sizes));
}

Value TensorBuilder::row(Value source, OpFoldResult index) {
  SmallVector<OpFoldResult> sizes = sizesOf(source);
  SmallVector<OpFoldResult> offsets(sizes.size(), b.getIndexAttr(0));
  offsets[0] = index;
  sizes[0] = b.getIndexAttr(1);
  return slice(source, offsets, sizes, /*dropDims=*/{0});
}

Value TensorBuilder::rows(Value source, int64_t first, int64_t count) {
  if (!source)
    return nullptr;
  SmallVector<OpFoldResult> sizes = sizesOf(source);
  SmallVector<OpFoldResult> offsets(sizes.size(), b.getIndexAttr(0));
  offsets[0] = b.getIndexAttr(first);
  sizes[0] = b.getIndexAttr(count);
  return slice(source, offsets, sizes);
}

Value TensorBuilder::transpose(Value source, ArrayRef<int64_t> permutation) {
  SmallVector<OpFoldResult> sizes = sizesOf(source);
  SmallVector<OpFoldResult> resultSizes;
  for (int64_t dim : permutation)
    resultSizes.push_back(sizes[dim]);
  Value init = empty(resultSizes, elementTypeOf(source));
  return linalg::TransposeOp::create(b, loc, source, init, permutation)
      .getResult()[0];
}

Value TensorBuilder::expand(Value source, ArrayRef<OpFoldResult> sizes,
                            ArrayRef<ReassociationIndices> reassociation) {
  // A static 0 split into sizes of which some are dynamic is not a valid
  // expand_shape; the tensor has no elements, so an empty one stands for it.
  ArrayRef<int64_t> sourceShape = shapeOf(source);
  SmallVector<int64_t> shape = splitSizes(sizes).first;
  for (auto [dim, group] : llvm::enumerate(reassociation))
    if (sourceShape[dim] == 0 && llvm::any_of(group, [&](int64_t d) {
          return ShapedType::isDynamic(shape[d]);
        }))
      return empty(sizes, elementTypeOf(source));
  auto type =
      RankedTensorType::get(splitSizes(sizes).first, elementTypeOf(source));
  return tensor::ExpandShapeOp::create(b, loc, type, source, reassociation,
                                       sizes);
}

Value TensorBuilder::expand(Value source, ArrayRef<int64_t> shape,
                            ArrayRef<ReassociationIndices> reassociation) {
  auto type = RankedTensorType::get(shape, elementTypeOf(source));
  return tensor::ExpandShapeOp::create(b, loc, type, source, reassociation);
}

Value TensorBuilder::collapse(Value source,
                              ArrayRef<ReassociationIndices> reassociation) {
  // A group that holds a static 0 and a dynamic size collapses to 0, which
  // memref.collapse_shape (after bufferization) refuses: the tensor has no
  // elements, so an empty one of the collapsed sizes stands for it.
  ArrayRef<int64_t> shape = shapeOf(source);
  auto zeroWithDynamic = [&](const ReassociationIndices &group) {
    return llvm::any_of(group, [&](int64_t d) { return shape[d] == 0; }) &&
           llvm::any_of(group, [&](int64_t d) {
             return ShapedType::isDynamic(shape[d]);
           });
  };
  if (llvm::any_of(reassociation, zeroWithDynamic)) {
    SmallVector<OpFoldResult> sizes = sizesOf(source), collapsed;
    for (const ReassociationIndices &group : reassociation) {
      OpFoldResult size = this->size(1);
      for (int64_t dim : group)
        size = shape[dim] == 0 ? this->size(0) : sizeMul(size, sizes[dim]);
      if (zeroWithDynamic(group))
        size = this->size(0);
      collapsed.push_back(size);
    }
    return empty(collapsed, elementTypeOf(source));
  }
  return tensor::CollapseShapeOp::create(b, loc, source, reassociation);
}

Value TensorBuilder::flattenLeading(Value source) {
  ArrayRef<int64_t> shape = shapeOf(source);
  int64_t rank = shape.size();
  if (rank == 2)
    return source;
  if (rank == 1)
    return expand(source, {size(1), dimOf(source, 0)}, {{0, 1}});
  ReassociationIndices leading;
  for (int64_t i = 0; i < rank - 1; ++i)
    leading.push_back(i);
  return collapse(source, {leading, {rank - 1}});
}

Value TensorBuilder::unflattenLeading(Value source,
                                      ArrayRef<OpFoldResult> shape) {
  int64_t rank = shape.size();
  if (rank == 2)
    return source;
  if (rank == 1)
    return collapse(source, {{0, 1}});
  ReassociationIndices leading;
  for (int64_t i = 0; i < rank - 1; ++i)
    leading.push_back(i);
  return expand(source, shape, {leading, {rank - 1}});
}

/// The reassociation grouping dimensions [0, split) and [split, rank),
/// leaving out an empty group.
static SmallVector<ReassociationIndices> splitGroups(int64_t rank,
                                                     int64_t split) {
  ReassociationIndices lead, trail;
  for (int64_t i = 0; i < rank; ++i)
    (i < split ? lead : trail).push_back(i);
  SmallVector<ReassociationIndices> groups;
  for (const ReassociationIndices &group : {lead, trail})
    if (!group.empty())
      groups.push_back(group);
  return groups;
}

Value TensorBuilder::collapseTo2D(Value source, int64_t split) {
  ArrayRef<int64_t> shape = shapeOf(source);
  int64_t rank = shape.size();
  Value flat = source;
  if (rank != 2 || split != 1) {
    SmallVector<ReassociationIndices> groups = splitGroups(rank, split);
    if (groups.size() < static_cast<size_t>(rank))
      flat = collapse(source, groups);
  }
  if (split == 0 || split == rank) {
    // One group only: add the unit dimension.
    OpFoldResult n = dimOf(flat, 0), one = size(1);
    return expand(flat,
                  split == 0 ? SmallVector<OpFoldResult>{one, n}
                             : SmallVector<OpFoldResult>{n, one},
                  {{0, 1}});
  }
  return flat;
}

Value TensorBuilder::expandFrom2D(Value source, ArrayRef<OpFoldResult> shape,
                                  int64_t split) {
  int64_t rank = shape.size();
  Value v = source;
  if (split == 0 || split == rank)
    v = collapse(v, {{0, 1}});
  SmallVector<ReassociationIndices> groups = splitGroups(rank, split);
  if (groups.size() < static_cast<size_t>(rank))
    v = expand(v, shape, groups);
  return v;
}

//===----------------------------------------------------------------------===//
// linalg.generic
//===----------------------------------------------------------------------===//

AffineMap TensorBuilder::identityMap(unsigned rank) {
  return b.getMultiDimIdentityMap(rank);
}

AffineMap TensorBuilder::mapOf(unsigned numDims, ArrayRef<AffineExpr> exprs) {
  return AffineMap::get(numDims, /*symbolCount=*/0, exprs, b.getContext());
}

SmallVector<Value>
TensorBuilder::generic(ValueRange inputs, ValueRange outputInits,
                       ArrayRef<AffineMap> maps,
                       ArrayRef<utils::IteratorType> iterators, BodyFn body) {
  SmallVector<Type> resultTypes;
  for (Value init : outputInits)
    resultTypes.push_back(init.getType());
  auto op = linalg::GenericOp::create(b, loc, resultTypes, inputs, outputInits,
                                      maps, iterators, body);
  return SmallVector<Value>(op.getResults());
}

Value TensorBuilder::map(ValueRange inputs, ArrayRef<AffineMap> inputMaps,
                         ArrayRef<int64_t> shape, Type elementType,
                         BodyFn body) {
  return map(inputs, inputMaps, getAsIndexOpFoldResult(b.getContext(), shape),
             elementType, body);
}

Value TensorBuilder::map(ValueRange inputs, ArrayRef<AffineMap> inputMaps,
                         ArrayRef<OpFoldResult> shape, Type elementType,
                         BodyFn body) {
  unsigned rank = shape.size();
  SmallVector<AffineMap> maps;
  if (inputMaps.empty())
    maps.append(inputs.size(), identityMap(rank));
  else
    maps.append(inputMaps.begin(), inputMaps.end());
  maps.push_back(identityMap(rank));
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  Value init = empty(shape, elementType);
  return generic(inputs, init, maps, iterators, body)[0];
}

Value TensorBuilder::contract(Value lhs, AffineMap lhsMap, Value rhs,
                              AffineMap rhsMap, ArrayRef<int64_t> outShape,
                              unsigned numLoops, unsigned numReductions) {
  return contract(lhs, lhsMap, rhs, rhsMap,
                  getAsIndexOpFoldResult(b.getContext(), outShape), numLoops,
                  numReductions);
}

Value TensorBuilder::contract(Value lhs, AffineMap lhsMap, Value rhs,
                              AffineMap rhsMap, ArrayRef<OpFoldResult> outShape,
                              unsigned numLoops, unsigned numReductions) {
  Value init = filled(outShape, elementTypeOf(lhs), 0.0);
  return contractInto(lhs, lhsMap, rhs, rhsMap, init, numLoops, numReductions);
}

Value TensorBuilder::contractInto(Value lhs, AffineMap lhsMap, Value rhs,
                                  AffineMap rhsMap, Value init,
                                  unsigned numLoops, unsigned numReductions) {
  SmallVector<AffineExpr> outExprs;
  for (unsigned i = 0; i < numLoops - numReductions; ++i)
    outExprs.push_back(b.getAffineDimExpr(i));
  AffineMap outMap = mapOf(numLoops, outExprs);
  SmallVector<utils::IteratorType> iterators(numLoops - numReductions,
                                             utils::IteratorType::parallel);
  iterators.append(numReductions, utils::IteratorType::reduction);
  Value result =
      generic({lhs, rhs}, init, {lhsMap, rhsMap, outMap}, iterators,
              [](OpBuilder &nb, Location nloc, ValueRange args) {
                Value prod = arith::MulFOp::create(nb, nloc, args[0], args[1]);
                Value sum = arith::AddFOp::create(nb, nloc, args[2], prod);
                linalg::YieldOp::create(nb, nloc, sum);
              })[0];
  // Two activations unless markWeights says otherwise.
  result.getDefiningOp()->setAttr(kNoWeightsAttrName, b.getUnitAttr());
  return result;
}

void TensorBuilder::markWeights(Value contraction, unsigned input) {
  Operation *op = contraction.getDefiningOp<linalg::GenericOp>();
  if (!op)
    return;
  op->removeAttr(kNoWeightsAttrName);
  op->setAttr(kWeightInputAttrName,
              IntegerAttr::get(IndexType::get(op->getContext()), input));
}

void TensorBuilder::stripWeightMarks(Operation *root) {
  root->walk([](linalg::GenericOp op) {
    op->removeAttr(kWeightInputAttrName);
    op->removeAttr(kNoWeightsAttrName);
  });
}

Value TensorBuilder::linear(Value x, Value w, Value bias) {
  OpFoldResult m = dimOf(x, 0), n = dimOf(w, 0);
  AffineExpr i, j, k;
  bindDims(b.getContext(), i, j, k);
  Value out = contract(x, mapOf(3, {i, k}), w, mapOf(3, {j, k}), {m, n}, 3,
                       /*numReductions=*/1);
  markWeights(out, 1);
  if (!bias)
    return out;
  AffineExpr r, c;
  bindDims(b.getContext(), r, c);
  return map({out, bias}, {identityMap(2), mapOf(2, {c})}, {m, n},
             elementTypeOf(x), [](OpBuilder &nb, Location nloc, ValueRange a) {
               linalg::YieldOp::create(
                   nb, nloc,
                   arith::AddFOp::create(nb, nloc, a[0], a[1]).getResult());
             });
}

Value TensorBuilder::add(Value lhs, Value rhs) {
  return map({lhs, rhs}, {}, sizesOf(lhs), elementTypeOf(lhs),
             [](OpBuilder &nb, Location nloc, ValueRange a) {
               linalg::YieldOp::create(
                   nb, nloc,
                   arith::AddFOp::create(nb, nloc, a[0], a[1]).getResult());
             });
}

Value TensorBuilder::reduceLast(
    Value input, double init,
    function_ref<Value(OpBuilder &, Location, Value, Value)> combine) {
  SmallVector<OpFoldResult> sizes = sizesOf(input);
  unsigned rank = sizes.size();
  Type elt = elementTypeOf(input);
  ArrayRef<OpFoldResult> rowSizes = ArrayRef(sizes).drop_back();
  Value initTensor;
  if (std::isinf(init))
    initTensor = fill(empty(rowSizes, elt), negInf(elt));
  else
    initTensor = filled(rowSizes, elt, init);
  SmallVector<AffineExpr> outExprs;
  for (unsigned i = 0; i + 1 < rank; ++i)
    outExprs.push_back(b.getAffineDimExpr(i));
  SmallVector<utils::IteratorType> iterators(rank - 1,
                                             utils::IteratorType::parallel);
  iterators.push_back(utils::IteratorType::reduction);
  return generic(input, initTensor, {identityMap(rank), mapOf(rank, outExprs)},
                 iterators, [&](OpBuilder &nb, Location nloc, ValueRange args) {
                   linalg::YieldOp::create(nb, nloc,
                                           combine(nb, nloc, args[0], args[1]));
                 })[0];
}

Value TensorBuilder::reduceFirst(
    Value input, double init,
    function_ref<Value(OpBuilder &, Location, Value, Value)> combine) {
  assert(shapeOf(input).size() == 2 && "reduceFirst takes a rank-2 tensor");
  Type elt = elementTypeOf(input);
  OpFoldResult cols = dimOf(input, 1);
  Value initTensor;
  if (std::isinf(init))
    initTensor = fill(empty(ArrayRef<OpFoldResult>{cols}, elt), negInf(elt));
  else
    initTensor = filled(ArrayRef<OpFoldResult>{cols}, elt, init);
  // Rows outermost, so that the inner loop runs along a contiguous row.
  return generic(
      input, initTensor, {identityMap(2), mapOf(2, {b.getAffineDimExpr(1)})},
      {utils::IteratorType::reduction, utils::IteratorType::parallel},
      [&](OpBuilder &nb, Location nloc, ValueRange args) {
        linalg::YieldOp::create(nb, nloc, combine(nb, nloc, args[0], args[1]));
      })[0];
}

Value TensorBuilder::softmaxLast(Value scores, bool polynomialExp) {
  SmallVector<OpFoldResult> shape = sizesOf(scores);
  unsigned rank = shape.size();
  Type elt = elementTypeOf(scores);
  SmallVector<AffineExpr> rowExprs;
  for (unsigned i = 0; i + 1 < rank; ++i)
    rowExprs.push_back(b.getAffineDimExpr(i));
  AffineMap rowMap = mapOf(rank, rowExprs);

  // Row maximum; -inf for a fully masked row.
  Value rowMax =
      reduceLast(scores, -std::numeric_limits<double>::infinity(),
                 [](OpBuilder &nb, Location nloc, Value x, Value acc) -> Value {
                   return arith::MaximumFOp::create(nb, nloc, x, acc);
                 });
  // exp(s - max), with masked (-inf) elements giving exactly 0: a fully
  // masked row subtracts 0 instead of its -inf maximum.
  Value shift = safeShift(rowMax);
  Value exps =
      map({scores, shift}, {identityMap(rank), rowMap}, shape, elt,
          [&](OpBuilder &nb, Location nloc, ValueRange a) {
            Value shifted = arith::SubFOp::create(nb, nloc, a[0], a[1]);
            linalg::YieldOp::create(
                nb, nloc, expNonPositive(nb, nloc, shifted, polynomialExp));
          });
  Value rowSum = reduceLast(
      exps, 0.0, [](OpBuilder &nb, Location nloc, Value x, Value acc) -> Value {
        return arith::AddFOp::create(nb, nloc, x, acc);
      });
  // e / sum, and 0 for a row whose sum is 0 (every key masked).
  return divideRowsOrZero(exps, rowSum);
}

Value TensorBuilder::safeShift(Value max) {
  SmallVector<OpFoldResult> shape = sizesOf(max);
  Type elt = elementTypeOf(max);
  Value minusInf = negInf(elt), zero = floatConst(elt, 0.0);
  return map(
      {max}, {identityMap(shape.size())}, shape, elt,
      [&](OpBuilder &nb, Location nloc, ValueRange a) {
        Value none = arith::CmpFOp::create(nb, nloc, arith::CmpFPredicate::OEQ,
                                           a[0], minusInf);
        linalg::YieldOp::create(
            nb, nloc,
            arith::SelectOp::create(nb, nloc, none, zero, a[0]).getResult());
      });
}

Value TensorBuilder::divideRowsOrZero(Value numer, Value denom) {
  SmallVector<OpFoldResult> shape = sizesOf(numer);
  unsigned rank = shape.size();
  Type elt = elementTypeOf(numer);
  SmallVector<AffineExpr> rowExprs;
  for (unsigned i = 0; i + 1 < rank; ++i)
    rowExprs.push_back(b.getAffineDimExpr(i));
  Value zero = floatConst(elt, 0.0);
  return map(
      {numer, denom}, {identityMap(rank), mapOf(rank, rowExprs)}, shape, elt,
      [&](OpBuilder &nb, Location nloc, ValueRange a) {
        Value empty = arith::CmpFOp::create(nb, nloc, arith::CmpFPredicate::OEQ,
                                            a[1], zero);
        Value div = arith::DivFOp::create(nb, nloc, a[0], a[1]);
        linalg::YieldOp::create(
            nb, nloc,
            arith::SelectOp::create(nb, nloc, empty, zero, div).getResult());
      });
}

//===----------------------------------------------------------------------===//
// Scalar math
//===----------------------------------------------------------------------===//

Value TensorBuilder::expNonPositive(OpBuilder &b, Location loc, Value x,
                                    bool polynomial) {
  Type type = x.getType();
  auto constant = [&](double value) -> Value {
    return arith::ConstantOp::create(b, loc, type, b.getFloatAttr(type, value));
  };
  if (!polynomial || !type.isF32()) {
    Value isNegInf = arith::CmpFOp::create(
        b, loc, arith::CmpFPredicate::OEQ, x,
        constant(-std::numeric_limits<double>::infinity()));
    return arith::SelectOp::create(b, loc, isNegInf, constant(0.0),
                                   math::ExpOp::create(b, loc, x));
  }
  auto fma = [&](Value a, Value m, Value c) -> Value {
    return math::FmaOp::create(b, loc, a, m, c);
  };
  // Below -88 the result is 0 (a NaN stays NaN): x = -88 gives k = -127,
  // whose power of two below has no bits set.
  Value lowest = constant(-88.0);
  Value below =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x, lowest);
  x = arith::SelectOp::create(b, loc, below, lowest, x);
  // k = round(x log2(e)): adding 1.5 * 2^23 rounds to an integer, kept in
  // the low mantissa bits of t as 127 + k (the magic number holds the 127).
  Value magic = constant(12582912.0 + 127.0);
  Value t = fma(x, constant(1.44269504088896341), magic);
  Value k = arith::SubFOp::create(b, loc, t, magic);
  // r = x - k ln(2), in [-ln(2)/2, ln(2)/2], with ln(2) in two parts.
  Value r = fma(k, constant(-0.693359375), x);
  r = fma(k, constant(2.12194440e-4), r);
  // exp(r) = 1 + r + r^2 P(r): Cephes' minimax polynomial for expf.
  Value poly = constant(1.9875691500e-4);
  for (double c : {1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2,
                   1.6666665459e-1, 5.0000001201e-1})
    poly = fma(poly, r, constant(c));
  Value r2 = arith::MulFOp::create(b, loc, r, r);
  Value poly1 = fma(poly, r2, r);
  Value expR = arith::AddFOp::create(b, loc, poly1, constant(1.0));
  // 2^k: 127 + k moved from t's low bits into the exponent field.
  Type i32 = b.getI32Type();
  Value bits = arith::BitcastOp::create(b, loc, i32, t);
  bits = arith::ShLIOp::create(
      b, loc, bits,
      arith::ConstantOp::create(b, loc, i32, b.getI32IntegerAttr(23)));
  Value scale = arith::BitcastOp::create(b, loc, type, bits);
  return arith::MulFOp::create(b, loc, expR, scale);
}

Value TensorBuilder::sigmoid(OpBuilder &b, Location loc, Value x) {
  // 1 / (1 + exp(-x)); exp overflows to +inf for very negative x, giving 0.
  Type type = x.getType();
  Value one =
      arith::ConstantOp::create(b, loc, type, b.getFloatAttr(type, 1.0));
  Value neg = arith::NegFOp::create(b, loc, x);
  Value e = math::ExpOp::create(b, loc, neg);
  Value denom = arith::AddFOp::create(b, loc, one, e);
  return arith::DivFOp::create(b, loc, one, denom);
}

Value TensorBuilder::tanh(OpBuilder &b, Location loc, Value x) {
  return math::TanhOp::create(b, loc, x);
}

Value TensorBuilder::relu(OpBuilder &b, Location loc, Value x) {
  Type type = x.getType();
  Value zero =
      arith::ConstantOp::create(b, loc, type, b.getFloatAttr(type, 0.0));
  return arith::MaximumFOp::create(b, loc, x, zero);
}

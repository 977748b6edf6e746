//===- S2SDecodingOps.cpp - verifiers of argmax and the decoding ops
//--------===//
//
// Operand checks and result type inference of s2s.argmax, s2s.log_softmax,
// s2s.top_k, s2s.index_select and s2s.kv_cache_append.
//
//===----------------------------------------------------------------------===//

#include "OperandChecks.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpImplementation.h"

#include <cmath>

using namespace mlir;
using namespace mlir::s2s;
using namespace mlir::s2s::detail;

//===----------------------------------------------------------------------===//
// ArgMaxOp
//===----------------------------------------------------------------------===//

/// The dimension `dim` counts from the end when negative; none if out of
/// range for `rank`.
static std::optional<int64_t> normalizeDim(int64_t dim, int64_t rank) {
  if (dim < -rank || dim >= rank)
    return std::nullopt;
  return dim < 0 ? dim + rank : dim;
}

/// The shape of `type` and `dim` normalized against its rank, for result
/// types that change the shape along `dim`; failure when `dim` is out of
/// range (the verifier reports it).
static FailureOr<std::pair<SmallVector<int64_t>, int64_t>>
shapeAlong(RankedTensorType type, int64_t dim) {
  std::optional<int64_t> d = normalizeDim(dim, type.getRank());
  if (!d)
    return failure();
  return std::make_pair(SmallVector<int64_t>(type.getShape()), *d);
}

LogicalResult ArgMaxOp::verifyOperandShapes() {
  int64_t rank = getTensorType(getInput()).getRank();
  int64_t dim = static_cast<int64_t>(getDim());
  if (rank == 0)
    return emitOpError() << "operand 'input' must have rank at least 1";
  if (!normalizeDim(dim, rank))
    return emitOpError() << "attribute 'dim' must be in [" << -rank << ", "
                         << rank - 1 << "] for an input of rank " << rank
                         << ", but is " << dim;
  // The maximum of no elements is undefined (PyTorch raises).
  int64_t size = getTensorType(getInput()).getDimSize(*normalizeDim(dim, rank));
  if (size == 0)
    return emitOpError() << "operand 'input' has size 0 along dimension " << dim
                         << ": there is no element to take the argmax of";
  return success();
}

LogicalResult ArgMaxOp::inferReturnTypes(MLIRContext *context,
                                         std::optional<Location>,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &results) {
  auto xType = getTensorType(adaptor.getInput());
  auto along = shapeAlong(xType, static_cast<int64_t>(adaptor.getDim()));
  if (failed(along))
    return failure();
  auto &[shape, dim] = *along;
  if (adaptor.getKeepdim())
    shape[dim] = 1;
  else
    shape.erase(shape.begin() + dim);
  results.push_back(
      RankedTensorType::get(shape, IntegerType::get(context, 64)));
  return success();
}

//===----------------------------------------------------------------------===//
// LogSoftmaxOp, TopKOp, IndexSelectOp
//===----------------------------------------------------------------------===//

/// Checks the `dim` attribute of a reduction-like op: an input of rank at
/// least 1 and `dim` in [-rank, rank - 1].
static LogicalResult verifyDimAttr(Operation *op, Value input, int64_t dim) {
  int64_t rank = getTensorType(input).getRank();
  if (rank == 0)
    return op->emitOpError() << "operand 'input' must have rank at least 1";
  if (!normalizeDim(dim, rank))
    return op->emitOpError()
           << "attribute 'dim' must be in [" << -rank << ", " << rank - 1
           << "] for an input of rank " << rank << ", but is " << dim;
  return success();
}

LogicalResult LogSoftmaxOp::verifyOperandShapes() {
  return verifyDimAttr(*this, getInput(), static_cast<int64_t>(getDim()));
}

LogicalResult LogSoftmaxOp::inferReturnTypes(MLIRContext *,
                                             std::optional<Location>,
                                             Adaptor adaptor,
                                             SmallVectorImpl<Type> &results) {
  results.push_back(adaptor.getInput().getType());
  return success();
}

LogicalResult TopKOp::verifyOperandShapes() {
  int64_t dim = static_cast<int64_t>(getDim());
  if (failed(verifyDimAttr(*this, getInput(), dim)))
    return failure();
  auto type = getTensorType(getInput());
  int64_t d = *normalizeDim(dim, type.getRank());
  if (type.isDynamicDim(d))
    return emitOpError() << "operand 'input' (type " << type
                         << ") must have a static size along dimension " << dim
                         << ", the dimension the top k are taken along";
  int64_t k = static_cast<int64_t>(getK());
  if (k > type.getDimSize(d))
    return emitOpError() << "attribute 'k' (" << k
                         << ") must not exceed the size of operand 'input' "
                         << "along dimension " << dim << " ("
                         << type.getDimSize(d) << ")";
  return success();
}

LogicalResult TopKOp::inferReturnTypes(MLIRContext *context,
                                       std::optional<Location>, Adaptor adaptor,
                                       SmallVectorImpl<Type> &results) {
  auto xType = getTensorType(adaptor.getInput());
  auto along = shapeAlong(xType, static_cast<int64_t>(adaptor.getDim()));
  if (failed(along))
    return failure();
  auto &[shape, dim] = *along;
  shape[dim] = static_cast<int64_t>(adaptor.getK());
  results.push_back(RankedTensorType::get(shape, xType.getElementType()));
  results.push_back(
      RankedTensorType::get(shape, IntegerType::get(context, 64)));
  return success();
}

LogicalResult IndexSelectOp::verifyOperandShapes() {
  int64_t dim = static_cast<int64_t>(getDim());
  if (failed(verifyDimAttr(*this, getInput(), dim)))
    return failure();
  // Nothing can be selected from an empty dimension, except no slice at all.
  auto type = getTensorType(getInput());
  auto indicesType = getTensorType(getIndices());
  int64_t d = *normalizeDim(dim, type.getRank());
  if (type.getDimSize(d) == 0 && indicesType.getDimSize(0) != 0)
    return emitOpError() << "operand 'input' (type " << type
                         << ") has size 0 along dimension " << dim
                         << ", so no index can be valid, but 'indices' has "
                         << "type " << indicesType;
  return success();
}

LogicalResult IndexSelectOp::inferReturnTypes(MLIRContext *,
                                              std::optional<Location>,
                                              Adaptor adaptor,
                                              SmallVectorImpl<Type> &results) {
  auto xType = getTensorType(adaptor.getInput());
  auto along = shapeAlong(xType, static_cast<int64_t>(adaptor.getDim()));
  if (failed(along))
    return failure();
  auto &[shape, dim] = *along;
  shape[dim] = getTensorType(adaptor.getIndices()).getDimSize(0);
  results.push_back(RankedTensorType::get(shape, xType.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// KVCacheAppendOp
//===----------------------------------------------------------------------===//

LogicalResult KVCacheAppendOp::verifyOperandShapes() {
  auto newType = getTensorType(getNewEntries());
  auto cacheType = getTensorType(getCache());
  int64_t rank = cacheType.getRank();
  int64_t dim = static_cast<int64_t>(getDim());
  if (rank == 0)
    return emitOpError() << "operand 'cache' must have rank at least 1";
  if (!normalizeDim(dim, rank))
    return emitOpError() << "attribute 'dim' must be in [" << -rank << ", "
                         << rank - 1 << "] for a cache of rank " << rank
                         << ", but is " << dim;
  if (newType.getRank() != rank)
    return emitOpError() << "operand 'new_entries' must have the rank of "
                         << "'cache' (" << rank << "), but has type "
                         << newType;
  if (newType.getElementType() != cacheType.getElementType())
    return emitOpError() << "operand 'new_entries' must have the element "
                         << "type of 'cache' (" << cacheType.getElementType()
                         << "), but has type " << newType;
  int64_t d = *normalizeDim(dim, rank);
  for (int64_t i = 0; i < rank; ++i) {
    int64_t n = newType.getDimSize(i), c = cacheType.getDimSize(i);
    if (ShapedType::isDynamic(n) || ShapedType::isDynamic(c))
      continue;
    if (i == d && n > c)
      return emitOpError() << "operand 'new_entries' (type " << newType
                           << ") has " << n << " positions along dimension "
                           << dim << ", more than the capacity of 'cache' ("
                           << cacheType << ")";
    if (i != d && n != c)
      return emitOpError() << "operand 'new_entries' must have the sizes of "
                           << "'cache' (" << cacheType << ") except along "
                           << "dimension " << dim << ", but has " << n
                           << " where 'cache' has " << c << " along dimension "
                           << i << " (type " << newType << ")";
  }
  return success();
}

LogicalResult
KVCacheAppendOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                  Adaptor adaptor,
                                  SmallVectorImpl<Type> &results) {
  auto cacheType = getTensorType(adaptor.getCache());
  auto along = shapeAlong(cacheType, static_cast<int64_t>(adaptor.getDim()));
  if (failed(along))
    return failure();
  auto &[shape, dim] = *along;
  shape[dim] = ShapedType::kDynamic;
  results.push_back(cacheType);
  results.push_back(RankedTensorType::get(shape, cacheType.getElementType()));
  return success();
}
